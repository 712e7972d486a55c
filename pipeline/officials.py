"""Placeholder: officials tagger (being written)."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("kotacerdas_officials")
def make_officials(nlp: Language, name: str):
    def tag(doc: Doc) -> Doc:
        doc.spans["officials"] = []
        return doc
    return tag
