"""Nightly sync of the CRM directory and exports into the warehouse."""
