//! Explicit, configurable limits. Every input that could grow without bound is checked against
//! one of these and refused with [`Error::LimitExceeded`](crate::Error::LimitExceeded), which
//! callers see as `RESOURCE_EXHAUSTED`.

/// Size and capacity limits of a Parallax instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted `Document.text`, in UTF-8 bytes.
    pub max_article_bytes: usize,
    /// Most articles the corpus holds.
    pub max_articles: usize,
    /// Most items in one streamed batch (AnalyzeStream, ImportArticles).
    pub max_batch: usize,
}

impl Limits {
    /// Largest gRPC message the server needs to accept or send: an article at the limit, its
    /// metadata, and its analysis (spans are small next to the text, but a token per two bytes of
    /// pathological input is possible, hence the generous factor).
    pub fn max_message_bytes(&self) -> usize {
        self.max_article_bytes
            .saturating_mul(16)
            .saturating_add(64 * 1024)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_article_bytes: 1 << 20,
            max_articles: 100_000,
            max_batch: 10_000,
        }
    }
}
