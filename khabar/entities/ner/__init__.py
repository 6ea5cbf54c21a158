"""The built-in Arabic NER model: a CRF over clitic-aware word features."""
