"""Relations between entities read from the text: envoys, spokespeople, relatives and office holders."""
