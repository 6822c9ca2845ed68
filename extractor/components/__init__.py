"""The rule components of the pipeline, one module per output field.

Modules here define component classes only; registration with spaCy happens in
`extractor.factories`, so importing a component module has no side effects.
"""
