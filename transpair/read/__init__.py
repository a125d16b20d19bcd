"""Read stage: article files to Documents of blocks (formats, dialects, config, sentences, pairing)."""
