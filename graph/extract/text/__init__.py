"""The spaCy side: our components and the stand-ins for stock pipes, sentence text, datelines."""
