"""Text out of published formats: saved web pages, Word files, PDFs. Each returns plain text with
one line per paragraph, heading or table row, and table cells separated by tabs, so the outline
stage reads every format the same way."""
