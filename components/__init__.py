"""Dash layout pieces and their callbacks; every number they show comes from orbital/."""
