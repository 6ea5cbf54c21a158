"""Entities: detection, in-document coreference, linking to the knowledge base, and the entities stage."""
