"""Readers: every input becomes Article records, or an InputError naming the input."""
