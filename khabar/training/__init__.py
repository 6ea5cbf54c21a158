"""Training the models khabar ships (the NER CRFs, their neural pass, its encoder): never imported at run time."""
