"""The view model, free of Dash: the view state, the questions asked of the engine, formatting, and
the figures and reports built from the answers (plain functions)."""
