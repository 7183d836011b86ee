"""The knowledge base (data files under data/) and the engine that answers from it."""
