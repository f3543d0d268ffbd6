from guidance.models.content import (  # noqa: F401
    CONTENT_PAGE_MODELS,
    CONTENT_PAGE_TYPES,
    ContentPage,
)
from guidance.models.imports import ImportRun  # noqa: F401,E402
from guidance.models.items import (  # noqa: F401
    ArticlePage,
    MaterialPage,
    MethodPage,
    ToolPage,
    TrainingPage,
)
from guidance.models.quality import (  # noqa: F401,E402
    ContentCheckTask,
    ContentFeedback,
    CriterionResult,
    QualityAssessment,
    QualityCriteriaSet,
    QualityCriterion,
    QualityReviewTask,
    ReviewReminder,
)
from guidance.models.read import TERM_COLUMNS, ReadItem, ReadItemPending  # noqa: F401,E402
from guidance.models.stats import ContentViewDay  # noqa: F401,E402
from guidance.models.structure import HomePage, SectionPage, TopicPage  # noqa: F401
from guidance.models.taxonomy import (  # noqa: F401
    TAXONOMY_MODELS,
    GuidanceSetting,
    Keyword,
    Sector,
    TargetGroup,
    Theme,
)
