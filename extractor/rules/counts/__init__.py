"""Casualty and weapon counts: the rules behind doc._.extractor_casualties and doc._.extractor_weapons."""
