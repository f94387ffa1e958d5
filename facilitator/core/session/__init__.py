"""The session engine: a plan of steps (plan.py), a state machine that runs it against an
injected Clock (engine.py), and proposals for landing a late session on time (landing.py).
No Qt, no threads, no sleeps. Import from the submodules: this package imports nothing, so
reading a plan at start-up does not load the engine."""
