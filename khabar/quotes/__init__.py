"""Quotes and speakers: who said what, how, where and when."""
