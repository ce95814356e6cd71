//! The one domain error of Parallax.
//!
//! Every failure a caller can cause or meet is one of these variants, each carrying what the
//! caller needs to act on it (the field at fault, the id not found, the limit hit). The gRPC layer
//! maps them to status codes in a single exhaustive `match` (`grpc::status`), so adding a variant
//! forces a decision about its code.

/// A Parallax error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The request is malformed: `field` names the offending field, as the caller spelled it.
    #[error("{field}: {reason}")]
    InvalidArgument {
        /// Path of the field at fault, e.g. `document.text`.
        field: String,
        /// What is wrong with it, and what would be accepted.
        reason: String,
    },
    /// No stored item has this id.
    #[error("{kind} {id:?} not found")]
    NotFound {
        /// What was looked for, e.g. `article`.
        kind: &'static str,
        /// The id the caller gave.
        id: String,
    },
    /// The id is already used by different content.
    #[error("{kind} {id:?} already exists with different content")]
    AlreadyExists {
        /// What was being created, e.g. `article`.
        kind: &'static str,
        /// The id the caller gave.
        id: String,
    },
    /// A configured size or capacity limit would be exceeded.
    #[error("{what} is {actual}, over the limit of {limit}")]
    LimitExceeded {
        /// What was measured, e.g. `document.text size in bytes`.
        what: String,
        /// The configured limit.
        limit: usize,
        /// The value that exceeded it.
        actual: usize,
    },
    /// A bug: an invariant of Parallax itself was broken.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidArgument`].
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// Result with a Parallax [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
