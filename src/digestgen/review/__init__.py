"""Editor review: row versions, states and an audit log in SQLite, a local web app, and the publish gate.

``state.ReviewDB`` holds the review state of each day, imported from ``run``'s JSON sidecar;
``gate.final_digest`` is what publishing may write; ``app.create_app`` serves the page.
"""
