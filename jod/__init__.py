"""The JOD counsellor frontend's content calls (Liferay's headless delivery and JOD's navigation
and tag endpoints), answered from this CMS's published content. See docs/jod-frontend.md."""
