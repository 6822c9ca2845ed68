"""The rules behind each output field, one subpackage per field, free of spaCy wiring.

Each rule is a function (or a small class) that takes a Doc, a Span or a Token plus the data it
needs and returns plain results, so it can be tested on its own. The spaCy components in
`extractor/components/` load the data from `models/` and call these rules; nothing here
registers a factory or reads `models/` itself. See docs/architecture.md.
"""
