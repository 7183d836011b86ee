"""Use cases: one transaction each, combining the domain rules with the repositories."""
