"""Local protocol servers and format builders, for tests, benchmarks and building the sample cache.

Nothing here is used by a normal run; it ships with the package so that
plugins and scripts can test against the same servers the suite uses.
"""
