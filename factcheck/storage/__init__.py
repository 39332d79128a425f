"""How analyses are stored: the compact codec the cache writes and reads."""
