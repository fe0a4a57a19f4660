"""Grades stated outright, in every form the pages use, for a pillar and for a question.

A grade counts only when a sentence says the force *is* that grade at what the question or
pillar is judged on:

- "Essex Police is good at preventing crime ...", "... requires improvement at protecting
  vulnerable people", "... requires improvement in the way it protects vulnerable people",
  "... requires improvement in how effectively it keeps people safe";
- possessives: "Hampshire Constabulary's approach to investigating crime and managing
  offenders requires improvement.", "the force's effectiveness at keeping people safe and
  reducing crime is good";
- "The extent to which the force is effective at keeping people safe and reducing crime is
  good." (and the 2018/19 "the extent to which the force operates efficiently and
  sustainably requires improvement");
- for a pillar: "requires improvement in respect of its effectiveness at ...", "requires
  improvement overall in its effectiveness", "the effectiveness of X requires improvement".

What the force is judged on comes from the reference data: every label and alternative
label of the question (or the pillar's headline wording), its first two words matched with
the verb in any form ("protecting vulnerable" also reads "protects vulnerable").

Not grades: a hedged statement ("is generally good at"), a grade word inside a finding
("outstanding at recording crime" when no question is about recording crime), and a
sentence about an earlier judgment ("In 2017, we judged the force to be good at ...", "last
year, when we judged the force to be good"). A sentence cut short after its grade word
still counts ("... keeping people safe and reducing crime is good" at the end of a page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import GradeDef, PillarDef, QuestionDef, Vocabulary
from .layout import fold
from .questions import headline_predicates, label_predicate, predicate_of

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
#: The word before a grade word that makes it the sentence's verb ("is good", "be good").
_COPULAS = {"is", "was", "remains", "be", "as", "overall", "judged", "rated"}
#: A sentence about an earlier inspection's judgment, not this report's.
_EARLIER = re.compile(
    r"\b(?:in|during)\s+(?:our\s+)?(?:19|20)\d\d\b(?!/)|\blast year\b|\bwe judged\b"
    r"|\bwhen we\b|\bprevious(?:ly)?\b|\bwas judged\b|\bcarried over\b|\bstill stands?\b"
    # "Our 2016 inspection found that the constabulary was good at ...": what an inspection
    # of a named year found (not "since our 2016 effectiveness inspection")
    r"|\b(?:19|20)\d\d\s+(?:\w+\s+)?inspection\s+(?:found|judged|graded|concluded)\b",
    re.IGNORECASE,
)
#: Words that make a grade word no verdict ("generally good", "not good").
_HEDGES = {"generally", "largely", "mostly", "broadly", "not", "often", "usually"}
#: Words that turn a sentence from one verdict to another ("good at X, but Y").
_TURNS = re.compile(r"\b(?:but|however|although|though|while|whereas|except)\b", re.IGNORECASE)
_EXTENT_OPENING = re.compile(r"^\s*the extent to which\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?;]+(?:[.!?;]+|$)")


#: Words of a question that say nothing of what it asks.
_FRAME_WORDS = {
    "how", "what", "extent", "does", "effective", "effectively", "efficient", "efficiently",
    "force", "forces", "constabulary", "the", "those", "who", "are", "and", "well", "its",
    "with", "from", "that", "this", "their", "them", "into", "for",
}  # fmt: skip


def _stems(text: str) -> set[str]:
    """The content words of ``text``, by their first five letters ("protecting" and
    "protects" are one)."""
    words = re.findall(r"[a-z][a-z-]{2,}", fold(text))
    return {w[:5] for w in words if w not in _FRAME_WORDS}


#: Words that cannot end a predicate's lead: "treating the" is no more "treating the
#: public" than "treating the workforce".
_ARTICLES = frozenset({"the", "its", "their", "a", "an"})


def _lead(words: list[str]) -> tuple[list[str], bool]:
    """A predicate's first two words, or three when the second is an article (then the
    third says what the force treats: "treating the public", "treating its workforce");
    and whether a sentence must not join another object to the third ("treating the
    public and its workforce" grades the pillar, not "treating the public fairly"). A
    predicate that joins two objects itself leads with "and" ("treats the public and")."""
    if len(words) > 3 and words[1].lower() in _ARTICLES and words[3].lower() == "and":
        return words[:4], False  # "treats the public and": the joined objects
    if len(words) > 2 and words[1].lower() in _ARTICLES:
        return words[:3], True
    return words[:2], False


#: After a three-word lead, the object joined to another ("treating the public and its
#: workforce"): the wider object of the pillar, not the question's own.
_JOINED_OBJECT = r"(?!\s+and\s+(?:the|its|their)\s)"


def _predicate_regex(predicate: str) -> str:
    """The first two words of a predicate (:func:`_lead`), a verb in -ing also read in any
    other form."""
    words, article = _lead(fold(predicate).replace(",", " ").split())
    parts = []
    for index, word in enumerate(words):
        if word.endswith("ing") and len(word) > 5:
            stem = re.escape(word[:-3])
            if word[-4] == word[-5] and word[-4] not in "aeiou":  # "planning" as "plans"
                stem = re.escape(word[:-4]) + f"(?:{re.escape(word[-4])})?"
            parts.append(stem + r"[a-z]{0,4}")
        elif index == 0 and word.isalpha():
            # a verb in the question's form read in the sentence's: "operate" as "operates",
            # "ensure" as "ensuring"
            stem = word[:-1] if word.endswith("e") else word
            parts.append(f"(?:{re.escape(word)}(?:s|es|d|ed)?|{re.escape(stem)}ing)")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts) + r"\b" + (_JOINED_OBJECT if article else "")


def _as_written(predicate: str) -> str:
    """A predicate's first two words as written, as a regex ("preventing crime and
    anti-social behaviour, and at keeping people safe" may be reworded after them)."""
    words, article = _lead(predicate.replace(",", " ").split())
    return r"\s+".join(re.escape(w) for w in words) + r"\b" + (_JOINED_OBJECT if article else "")


def question_predicates(question: QuestionDef) -> tuple[str, ...]:
    """What a judgment sentence about the question says the force is good "at": from its
    label and every alternative label (a label that is not a question is a predicate)."""
    out = []
    for label in (question.label, *question.alt_labels):
        if label.rstrip().endswith("?"):
            predicate = predicate_of(QuestionDef(question.code, label, "", None, None, True))
        else:  # "how the force responds to the public": the sentence regexes allow the "how"
            predicate = label_predicate(label)
        if predicate:
            out.append(predicate)
    return tuple(dict.fromkeys(out))


#: A grade written as a verb is also written in its other forms: "the areas requiring
#: improvement include ...", "were judged as requiring improvement", "is judged to require
#: improvement".
VERB_FORMS = (("requires ", ("requiring ", "require ")),)
#: The forms a grade sentence may close with after "judged to", "assessed to", "found to".
_INFINITIVES = ("require ",)


class GradeReader:
    """Finds the grade sentences of one grade scheme (restricted to ``allowed``)."""

    def __init__(self, grades: tuple[GradeDef, ...], allowed: tuple[str, ...] | None = None):
        self._by_word: dict[str, str] = {}
        for g in grades:
            if allowed is not None and g.slug not in allowed:
                continue
            for label in (g.label, *g.alt_labels):
                word = " ".join(fold(label).replace("-", " ").split())
                self._by_word[word] = g.slug
                # "its planning for future demand is judged to require improvement"
                self._by_word.update((form + word[len(verb):], g.slug)
                                     for verb, forms in VERB_FORMS if word.startswith(verb)
                                     for form in forms if form in _INFINITIVES)  # fmt: skip
        words = sorted(self._by_word, key=len, reverse=True)
        self._grades = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    def judgment_sentence(
        self, text: str, subjects: tuple[str, ...], predicates: tuple[str, ...]
    ) -> tuple[str, int, int] | None:
        """The full report's pillar judgment: (grade slug, start, end) in ``text``, or None.

        Two forms, both requiring a subject (the force's name, 'the force', 'the
        constabulary') and the predicate the pillar is judged on, its first two words as
        written: "Essex Police is good at preventing crime ..." and "The extent to which the
        force is effective at keeping people safe and reducing crime is good."
        A grade word on its own in running text ("has a good understanding") never counts.
        """
        if not predicates or not self._grades:
            return None
        subj = "|".join(re.escape(s) for s in sorted(set(subjects), key=len, reverse=True))
        preds = "|".join(_as_written(p) for p in predicates)
        g = rf"(?P<grade>{self._grades})"
        direct = re.compile(
            rf"(?:{subj})(?:'s?)?\s+(?:is\s+|was\s+)?(?:judged\s+(?:to\s+be\s+)?)?"
            rf"{g}\s+(?:at|in)\s+(?:how\s+\w+\s+it\s+\w+\s+)?(?:{preds})",
            re.IGNORECASE,
        )
        extent = re.compile(
            rf"the extent to which (?:{subj}) is \w+ (?:at|in) (?:{preds})[^.;]*?\s+(?:is\s+)?"
            rf"{g}\s*(?:[.;]|$)",
            re.IGNORECASE,
        )
        folded = text.translate(_QUOTES)
        for regex in (extent, direct):
            match = regex.search(folded)
            if match:
                return self._slug(match.group("grade")), match.start(), match.end()
        return None

    def judges(self, text: str, subjects: tuple[str, ...]) -> tuple[str, int, int] | None:
        """(grade, start, end) of a sentence in which the inspectorate, in the present tense,
        grades the force and nothing else, the sentence closing on the grade: "HMIC judges
        Leicestershire Police as good." (a verdict on the question it stands under). Not
        "was judged to be good" (last year's), nor "judges it good at ..." (a practice)."""
        if not self._grades or not subjects:
            return None
        subj = "|".join(re.escape(s) for s in sorted(set(subjects), key=len, reverse=True))
        match = re.search(
            rf"(?:^|[.;]\s+)(?:HMIC(?:FRS)?|we|inspectors)\s+(?:judges?|assess(?:es)?|grades?"
            rf"|rates?)\s+(?:{subj})\s+(?:to\s+be\s+|as\s+)?(?P<grade>{self._grades})\s*\.",
            text.translate(_QUOTES),
            re.IGNORECASE,
        )
        if match is None:
            return None
        return self._slug(match.group("grade")), match.start(), match.end()

    def bare(self, line: str) -> str | None:
        """The grade slug if ``line`` is only a grade word ('Good', 'Requires improvement')."""
        return self._by_word.get(" ".join(fold(line).replace("-", " ").strip(" .:*").split()))

    def _slug(self, word: str) -> str:
        return self._by_word[" ".join(word.lower().replace("-", " ").split())]

    def question(
        self, text: str, subjects: tuple[str, ...], question: QuestionDef
    ) -> tuple[str, int, int] | None:
        """(grade, start, end) of the first sentence of ``text`` grading ``question``."""
        return self.find(text, subjects, question_predicates(question))

    def opening(
        self, text: str, subjects: tuple[str, ...], question: QuestionDef
    ) -> tuple[str, int, int] | None:
        """(grade, start, end) of the first sentence of ``text`` when it says the force *is*
        a grade at what the question asks in other words ("Dorset Police is good at keeping
        vulnerable people safe and protecting them from harm." for "How effective is the
        force at protecting those who are vulnerable from harm, and supporting victims?"):
        the verdict that opens a question's section on a question-by-question page. Its
        words must cover two of the question's wording (one is a practice: "good at
        conducting initial investigations" is no verdict on "investigating crime and
        reducing re-offending", nor "recording crimes against vulnerable people" on
        protecting them). Not when the sentence is hedged, about an earlier year, or turns
        ("good at identifying ..., but ...")."""
        if not self._grades or not subjects:
            return None
        folded = text.translate(_QUOTES)
        first = _SENTENCE.match(folded)
        if first is None or _EARLIER.search(first.group(0)) or _TURNS.search(first.group(0)):
            return None
        subj = "|".join(re.escape(s) for s in sorted(set(subjects), key=len, reverse=True))
        verdict = re.match(
            rf"\s*(?:{subj})\s+(?:is\s+|was\s+)?(?P<grade>{self._grades})\s+(?:at|in)\s+\w",
            first.group(0),
            re.IGNORECASE,
        )
        if verdict is None or not self._is_verb(first.group(0), verdict):
            return None
        asked = _stems(question.label)  # its wording, not the shorter phrasings
        if len(asked & _stems(first.group(0)[verdict.end("grade") :])) < 2:
            return None
        return self._slug(verdict.group("grade")), verdict.start(), first.end()

    def pillar(
        self, text: str, subjects: tuple[str, ...], pillar: PillarDef, vocab: Vocabulary
    ) -> tuple[str, int, int] | None:
        """(grade, start, end) of the first sentence of ``text`` grading the pillar."""
        nouns = tuple(fold(w) for w in (pillar.label, *pillar.alt_labels) if " " not in w.strip())
        return self.find(text, subjects, headline_predicates(vocab, pillar.slug), nouns)

    def find(
        self,
        text: str,
        subjects: tuple[str, ...],
        predicates: tuple[str, ...],
        pillar_words: tuple[str, ...] = (),
    ) -> tuple[str, int, int] | None:
        if not self._grades or not (predicates or pillar_words):
            return None
        regexes = self._regexes(subjects, predicates, pillar_words)
        folded = text.translate(_QUOTES)
        for sentence in _SENTENCE.finditer(folded):
            body = sentence.group(0)
            if _EARLIER.search(body):
                continue
            for regex in regexes:
                for match in regex.finditer(body):
                    if self._is_verb(body, match):
                        start = sentence.start() + match.start()
                        return (
                            self._slug(match.group("grade")),
                            start,
                            sentence.start() + len(body.rstrip()),
                        )
        return None

    @staticmethod
    def _is_verb(sentence: str, match: re.Match[str]) -> bool:
        """The grade word is what the force *is*: after 'is' (or the name, for 'requires
        improvement'), never after a hedge ('is generally good')."""
        # "was rated 'good'": the quotation marks around the grade word are not words
        before = [w for w in (t.strip("'") for t in sentence[: match.start("grade")].split()) if w]
        word = match.group("grade").lower()
        # "is: good" (the interim 2016 landing pages put a colon after the verb)
        previous = before[-1].lower().rstrip(":") if before else ""
        if previous == "also" and len(before) > 1:  # "is also good at"
            previous = before[-2].lower()
        if previous in _COPULAS:
            return True
        if previous in _HEDGES:
            return False
        # "The extent to which the force is effective at ... crime good." (published
        # without its "is"): the grade word that closes the sentence is its complement
        if _EXTENT_OPENING.match(sentence) and not sentence[match.end("grade") :].strip(" .;"):
            return True
        # "requires improvement" after the name; "require improvement" after "judged to"
        if re.match(r"require\s", word):
            return previous == "to"
        return word.startswith("requires") and previous not in _HEDGES

    def _regexes(
        self, subjects: tuple[str, ...], predicates: tuple[str, ...], nouns: tuple[str, ...]
    ) -> list[re.Pattern[str]]:
        parts = _Parts.of(self._grades, subjects, predicates, nouns)
        out = _sentence_regexes(parts)
        if nouns:
            out += _pillar_regexes(parts)
        return out


_FLAGS = re.IGNORECASE
#: "how it", "the way in which the force", "how it is": what may come between "at" and the
#: predicate ("outstanding in how it is planning for the future").
_HOW = (
    r"(?:(?:how|the way(?: in which)?)\s+(?:\w+\s+)?(?:it|the force|the constabulary)\s+"
    r"(?:is\s+{adverb})?)?"
)


def _how(nouns: tuple[str, ...]) -> str:
    """:data:`_HOW`, for a pillar also with its adverb ("in how it legitimately keeps people
    safe": the legitimacy pillar's, whose headline the 2015-2017 pillars share)."""
    adverbs = "|".join(rf"{re.escape(n[:6])}\w*ly" for n in nouns)
    return _HOW.replace("{adverb}", rf"|(?:{adverbs})\s+" if adverbs else "")


#: "good at A, and at B": the second of two predicates that share the grade ("at" again
#: after "and": "good at preventing crime, tackling anti-social behaviour and keeping people
#: safe" is one question's wording, not a second predicate), or "good at A and good at B"
#: (the same grade word again: "good at A and requires improvement in B" is not).
_AND_AT = r"(?:[^.;]*?(?:,?\s+and\s+(?:(?P=grade)\s+)?(?:at|in|for)|,\s+for)\s+)?"


@dataclass(frozen=True)
class _Parts:
    """The alternations the grade sentence regexes are built from."""

    grade: str  # the named group of the grade words
    subject: str  # the force's names, longest first
    predicates: str  # what the force is judged on (first two words of each)
    noun: str  # the pillar's one-word names ("effectiveness"), or "" for a question
    respect: str  # "(in respect of) its effectiveness at", for a pillar
    lead: str  # what a possessive judges: "approach to", "work in"
    extent: str  # what "the extent to which" clause must mention
    how: str  # what may stand between "at" and the predicate (:func:`_how`)

    @classmethod
    def of(
        cls,
        grades: str,
        subjects: tuple[str, ...],
        predicates: tuple[str, ...],
        nouns: tuple[str, ...],
    ) -> _Parts:
        subj = "|".join(re.escape(s) for s in sorted(set(subjects), key=len, reverse=True))
        preds = "|".join(_predicate_regex(p) for p in predicates) or r"(?!x)x"
        noun = "|".join(re.escape(n) for n in nouns) if nouns else ""
        respect = rf"(?:(?:respect of\s+)?its\s+(?:{noun})\s+(?:at|in)\s+)?" if nouns else ""
        # what a possessive judges: "approach to", "work in"; for a question (not a pillar,
        # whose headline wording the pillars share) also "its effectiveness at"
        lead = r"approach to|work (?:at|in|on)|performance (?:at|in)"
        if not nouns:
            lead += r"|(?:effectiveness|efficiency|record) (?:at|in)"
        extent = "|".join(rf"\b{re.escape(n[:6])}\w*" for n in nouns) if nouns else preds
        how = _how(nouns)
        return cls(rf"(?P<grade>{grades})", subj, preds, noun, respect, lead, extent, how)


def _sentence_regexes(parts: _Parts) -> list[re.Pattern[str]]:
    """The sentence forms that grade a question or a pillar, in the order they are tried:
    those led by the force (or "it"), then those led by what it is judged on."""
    return [*_subject_regexes(parts), *_clause_regexes(parts)]


def _subject_regexes(parts: _Parts) -> list[re.Pattern[str]]:
    """The forms whose subject is the force: "the extent to which the force ...", "X is
    good at P", "it is good at P", "X is good at A but is judged to require ..."."""
    g, subj, preds, how = parts.grade, parts.subject, parts.predicates, parts.how
    return [
        # The extent to which the force is effective at P ... is good (for a pillar: a
        # clause with the pillar's word, "is efficient at", "operates efficiently")
        re.compile(
            rf"the extent to which (?:{subj})\s+[^.;]*?(?:{parts.extent})[^.;]*?\s{g}\s*"
            rf"(?:[.;:,]|$)",
            _FLAGS,
        ),
        # X is good at P / requires improvement in the way it P / in respect of its ...
        # ("good at identifying and protecting vulnerable people": a second verb first;
        # "is judged to be good in its understanding of demand")
        re.compile(
            rf"(?:{subj})\s+(?:is\s+|was\s+|remains\s+)?(?:also\s+)?(?:judged\s+(?:to\s+be\s+)?"
            rf"|(?P<rated>rated)\s+(?:as\s+)?)?'?{g}'?\s+"
            rf"(?:overall\s+)?(?:at|in|(?(rated)for|(?!x)x))\s+{_AND_AT}{parts.respect}{how}(?:its\s+)?"
            rf"(?:[a-z]+ing\s+and\s+)?(?:{preds})",
            _FLAGS,
        ),
        # "It is good at P." opening a sentence (the force, named in the one before); "and it
        # is judged to require improvement for its planning for ..." (a clause after ";");
        # "However, it requires improvement in the way it investigates offending;"; "it
        # requires improvement in A, and it requires improvement in the way it investigates
        # offending" (a second clause, after ", and", with the force again as "it")
        re.compile(
            rf"(?:^\s*(?:(?:and|but|however),?\s+)?|(?<=,\s)(?:and|but)\s+)"
            rf"(?:overall,?\s+)?it\s+(?:is\s+)?"
            rf"(?:(?:judged|assessed|found)\s+to\s+(?:be\s+)?)?{g}\s+(?:at|in|for)\s+{_AND_AT}"
            rf"{how}(?:its\s+)?(?:{preds})",
            _FLAGS,
        ),
        # "The constabulary is judged to be good at A but is judged to require improvement
        # in some aspects of how it treats its workforce ...": a clause whose subject is the
        # sentence's
        re.compile(
            rf"^\s*(?:the\s+)?(?:{subj})\s[^.;]*?\b(?:and|but)\s+(?:is\s+)?(?:also\s+)?"
            rf"(?:judged|assessed|found)\s+to\s+(?:be\s+)?{g}\s+(?:at|in|for)\s+"
            rf"(?:some aspects of\s+)?{how}(?:its\s+)?(?:{preds})",
            _FLAGS,
        ),
    ]


def _clause_regexes(parts: _Parts) -> list[re.Pattern[str]]:
    """The forms led by what the force is judged on: "the way it P ... is good", "its P ...
    is good", "its approach to P ... is good"."""
    g, subj, preds, how = parts.grade, parts.subject, parts.predicates, parts.how
    return [
        # the way (that) the force / it P ... is good; "how it uses ... is judged to be good
        # and how the force plans ...": a clause closed by its grade or by "and how"
        re.compile(
            rf"\b(?:the way (?:that |in which )?|how\s+)(?:{subj}|it)\s+(?:{preds})[^.;]*?\s{g}"
            rf"\s*(?:[.;:,]|\s+and\s+how\b|$)",
            _FLAGS,
        ),
        # X's / its P ... is (assessed, judged, found to be) good, the grade closing the
        # clause ("its use of resources to manage demand is assessed to be good", "and its
        # use of resources to manage demand is good.")
        re.compile(
            rf"(?:\b(?:{subj})'s?|\bits)\s+(?:{preds})[^.;]*?\s(?:is|was)\s+(?:also\s+)?"
            rf"(?:(?:assessed|judged|found)\s+to\s+(?:be\s+)?)?{g}\s*(?:[.;:,]|$)",
            _FLAGS,
        ),
        # X's approach to P ... is good
        re.compile(
            rf"(?:\b(?:{subj})'s?|\bits)\s+(?:overall\s+)?(?:{parts.lead})\s+{how}(?:{preds})"
            rf"[^.;]*?\s{g}\s*(?:[.;:,]|$)",
            _FLAGS,
        ),
    ]


#: "judged to be", "assessed as": what may stand between the verb and the grade word.
_JUDGED = r"(?:(?:judged|assessed)\s+(?:to\s+be|as)\s+)?"


def _pillar_regexes(parts: _Parts) -> list[re.Pattern[str]]:
    """The sentence forms that grade a pillar by its noun ("effectiveness")."""
    g, subj, noun = parts.grade, parts.subject, parts.noun
    return [
        # the effectiveness of X requires improvement
        re.compile(rf"\bthe (?:{noun}) of (?:{subj})\s+(?:is\s+)?{g}\s*(?:[.;:,]|$)", _FLAGS),
        # X requires improvement (overall) in (respect of) its effectiveness; "X remains
        # outstanding in its effectiveness at ..." (a grade kept from the year before); "X is
        # judged to be good in the efficiency with which it ...", "has been assessed as good
        # in respect of the efficiency with which it ..."
        re.compile(
            rf"(?:{subj})\s+(?:is\s+|remains\s+|has\s+been\s+)?{_JUDGED}{g}\s+(?:overall\s+)?in\s+"
            rf"(?:respect of\s+)?(?:its|the)\s+"
            rf"(?:{noun})\b",
            _FLAGS,
        ),
        # X's effectiveness (at keeping people safe ...) is good
        re.compile(
            rf"(?:{subj})'s?\s+(?:{noun})(?:\s+(?:at|in)\s+[^.;]*?)?\s+(?:is\s+)?{g}"
            rf"\s*(?:[.;:,]|$)",
            _FLAGS,
        ),
    ]


_NOT_INSPECTED = re.compile(
    r"\bnot (?:been\s+)?(?:subject to (?:a\s+)?(?:detailed\s+)?inspection|inspected"
    r"|re-inspected)\b",
    re.IGNORECASE,
)
_STANDS = re.compile(
    r"\b(?:carried over|still stands?|remains? in place|stands?\b|continues? to apply)",
    re.IGNORECASE,
)
_FROM_YEAR = re.compile(
    r"\b(?:from|in)\s+(?:the\s+|our\s+)?(?P<year>(?:19|20)\d\d)\b(?!/)", re.IGNORECASE
)
_LAST_YEAR = re.compile(r"\blast year\b|\bprevious (?:year|inspection)\b", re.IGNORECASE)


def carried_over(text: str, year: int) -> tuple[int | None, int, int] | None:
    """A question not inspected this year whose earlier judgment stands: (the year of that
    judgment when the text says it, start, end), or None.

    "This question was not inspected in 2017. The grade and findings from last year's
    inspection still stand." gives 2016; "This question was not subject to detailed
    inspection in 2018/19, and our judgment from the 2016 effectiveness inspection has been
    carried over." gives 2016."""
    folded = text.translate(_QUOTES)
    start = _NOT_INSPECTED.search(folded)
    if start is None:
        return None
    stands = _STANDS.search(folded, start.end())
    if stands is None:
        return None
    sentence_end = folded.find(".", stands.end())
    end = len(folded.rstrip()) if sentence_end < 0 else sentence_end + 1
    span = folded[start.start() : end]
    earlier = [int(m.group("year")) for m in _FROM_YEAR.finditer(span)]
    earlier = [y for y in earlier if y < year]
    if earlier:
        return earlier[0], _sentence_start(folded, start.start()), end
    if _LAST_YEAR.search(span):
        return year - 1, _sentence_start(folded, start.start()), end
    return None, _sentence_start(folded, start.start()), end


def _sentence_start(text: str, offset: int) -> int:
    cut = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset))
    start = cut + 1
    while start < offset and text[start].isspace():
        start += 1
    return start
