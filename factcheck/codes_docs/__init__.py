"""The finding code pages, one Markdown file per code; see README.md here for the format."""
