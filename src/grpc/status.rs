//! The one mapping from domain errors to gRPC statuses.
//!
//! Exhaustive on purpose (no `_` arm): a new error variant does not compile until someone decides
//! what callers should see.

use tonic::{Code, Status};

use crate::error::Error;

impl From<Error> for Status {
    fn from(error: Error) -> Self {
        let code = code_of(&error);
        if code == Code::Internal {
            tracing::error!(%error, "internal error");
        }
        Status::new(code, error.to_string())
    }
}

/// The gRPC code for a domain error.
pub fn code_of(error: &Error) -> Code {
    match error {
        Error::InvalidArgument { .. } => Code::InvalidArgument,
        Error::NotFound { .. } => Code::NotFound,
        Error::AlreadyExists { .. } => Code::AlreadyExists,
        Error::LimitExceeded { .. } => Code::ResourceExhausted,
        Error::Internal(_) => Code::Internal,
    }
}

/// The code's canonical name, as in the gRPC spec (`INVALID_ARGUMENT`).
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// A blocking task that died is a bug in Parallax (a panic), not the caller's fault.
pub(crate) fn join_error(error: tokio::task::JoinError) -> Status {
    Error::Internal(format!("analysis task failed: {error}")).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_its_code_and_message() {
        let cases = [
            (
                Error::invalid("document.text", "is empty"),
                Code::InvalidArgument,
                "document.text: is empty",
            ),
            (
                Error::NotFound {
                    kind: "article",
                    id: "x".into(),
                },
                Code::NotFound,
                "article \"x\" not found",
            ),
            (
                Error::AlreadyExists {
                    kind: "article",
                    id: "x".into(),
                },
                Code::AlreadyExists,
                "article \"x\" already exists with different content",
            ),
            (
                Error::LimitExceeded {
                    what: "size".into(),
                    limit: 1,
                    actual: 2,
                },
                Code::ResourceExhausted,
                "size is 2, over the limit of 1",
            ),
            (
                Error::Internal("bug".into()),
                Code::Internal,
                "internal error: bug",
            ),
        ];
        for (error, code, message) in cases {
            let status = Status::from(error);
            assert_eq!((status.code(), status.message()), (code, message));
        }
    }
}
