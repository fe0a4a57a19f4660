"""The ``peel:`` vocabulary as a closed namespace: ``PEEL.Force`` is a term of
``ontology/peel.ttl``; a term that file does not declare raises AttributeError.

The term list of the class is generated from ontology/peel.ttl by tests/test_peel_terms.py
(under this header, which is written by hand); do not edit the terms by hand:
``PEELGRAPH_REGENERATE_TERMS=1 python -m pytest tests/test_peel_terms.py``.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class PEEL(DefinedNamespace):
    """The peelgraph ontology (https://w3id.org/peelgraph/ontology#)."""

    _NS = Namespace("https://w3id.org/peelgraph/ontology#")
    _fail = True

    AreaForImprovement: URIRef  # Area for improvement
    AreaOfPolicing: URIRef  # Area of policing
    Boilerplate: URIRef  # Boilerplate
    CauseOfConcern: URIRef  # Cause of concern
    ComparatorArea: URIRef  # Comparator area
    CoreQuestion: URIRef  # Core question
    Cue: URIRef  # Cue
    DiagnosticQuestion: URIRef  # Diagnostic question
    Finding: URIRef  # Finding
    FindingType: URIRef  # Finding type
    FollowUp: URIRef  # Follow-up of an earlier finding
    Footnote: URIRef  # Footnote
    Force: URIRef  # Police force
    GlossaryEntry: URIRef  # Glossary entry
    Grade: URIRef  # Grade
    GradeScale: URIRef  # Grading scale
    HeadlineQuestion: URIRef  # Headline question
    Indicator: URIRef  # Indicator
    InspectionReport: URIRef  # Inspection report
    Judgment: URIRef  # Judgment
    PartnerBody: URIRef  # Partner body
    PartnerLink: URIRef  # Partner link
    PartnerRole: URIRef  # Partner role
    PartnerType: URIRef  # Partner type
    Partnership: URIRef  # Partnership
    PartnershipArrangement: URIRef  # Partnership arrangement
    Pillar: URIRef  # PEEL pillar
    Programme: URIRef  # Programme
    ProgressLevel: URIRef  # Progress level
    Question: URIRef  # PEEL question
    QuestionFramework: URIRef  # Question framework
    Recommendation: URIRef  # Recommendation
    ReportItem: URIRef  # Report item
    Section: URIRef  # Report section
    SourceDocument: URIRef  # Source document
    Theme: URIRef  # Theme
    Unit: URIRef  # Unit of measure
    acronym: URIRef  # acronym
    addresses: URIRef  # addresses
    allowedGrade: URIRef  # allowed grade
    assessesLeadership: URIRef  # assesses leadership
    bulletList: URIRef  # bullet list
    carriedOverFrom: URIRef  # carried over from
    carriedOverJudgment: URIRef  # carried over judgment
    citation: URIRef  # citation
    citedIn: URIRef  # cited in
    citesSource: URIRef  # cites source
    colour: URIRef  # colour
    comparedWith: URIRef  # compared with
    coreQuestion: URIRef  # core question
    country: URIRef  # country
    cueTerm: URIRef  # cue term
    cueWeight: URIRef  # cue weight
    dataSource: URIRef  # data source
    deadline: URIRef  # deadline
    definedIn: URIRef  # defined in
    documentFormat: URIRef  # document format
    earlierText: URIRef  # earlier text
    earlierYear: URIRef  # earlier year
    evidence: URIRef  # evidence
    evidenceCount: URIRef  # evidence count
    evidenceFor: URIRef  # evidence for
    expansion: URIRef  # expansion
    extractorVersion: URIRef  # extractor version
    figure: URIRef  # figure
    fileName: URIRef  # file name
    findingType: URIRef  # finding type
    firstPage: URIRef  # first page
    firstYear: URIRef  # first year
    followsUp: URIRef  # follows up
    footnoteNumber: URIRef  # footnote number
    force: URIRef  # force
    framework: URIRef  # framework
    grade: URIRef  # grade
    gradeScale: URIRef  # grade scale
    graded: URIRef  # graded
    hasSpan: URIRef  # has span
    headingPattern: URIRef  # heading pattern
    headlinePredicate: URIRef  # headline predicate
    indicator: URIRef  # indicator
    isCut: URIRef  # is cut
    isbn: URIRef  # ISBN
    lastYear: URIRef  # last year
    mentions: URIRef  # mentions
    notComparableWith: URIRef  # not comparable with
    onsCode: URIRef  # ONS code
    ordinal: URIRef  # ordinal
    outcomeNumber: URIRef  # outcome number
    page: URIRef  # page
    partner: URIRef  # partner
    partnerLink: URIRef  # partner link
    partnerType: URIRef  # partner type
    pattern: URIRef  # pattern
    peelYear: URIRef  # PEEL year
    periodEnd: URIRef  # period end
    pillar: URIRef  # pillar
    priority: URIRef  # priority
    progress: URIRef  # progress
    quantityWord: URIRef  # quantity word
    question: URIRef  # question
    questionNumber: URIRef  # question number
    rank: URIRef  # rank
    refArea: URIRef  # reference area
    refPeriod: URIRef  # reference period
    refersTo: URIRef  # refers to
    replaces: URIRef  # replaces
    reportCount: URIRef  # report count
    roleCue: URIRef  # role cue
    rowGroup: URIRef  # row group
    rowLabel: URIRef  # row label
    section: URIRef  # section
    sha256: URIRef  # SHA-256
    slug: URIRef  # slug
    supportedBy: URIRef  # supported by
    synthetic: URIRef  # synthetic
    text: URIRef  # text
    textHash: URIRef  # text hash
    theme: URIRef  # theme
    triggerTerm: URIRef  # trigger term
    unit: URIRef  # unit
    value: URIRef  # value
    valueQualifier: URIRef  # value qualifier
