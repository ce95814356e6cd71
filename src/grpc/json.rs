//! Canonical proto3 JSON for any `parallax.v1` message (lowerCamelCase names, enums by name,
//! timestamps in RFC 3339, default values omitted), through the descriptor set compiled into
//! the binary. The CLI prints responses this way, so its output is exactly what a gRPC caller
//! would get, rendered by the protobuf JSON mapping.

use std::sync::LazyLock;

use prost_reflect::{DescriptorPool, DynamicMessage};

use super::pb;
use crate::error::{Error, Result};

static POOL: LazyLock<std::result::Result<DescriptorPool, String>> =
    LazyLock::new(|| DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET).map_err(|e| e.to_string()));

/// Renders `message`, whose fully qualified proto name is `full_name`
/// (e.g. `parallax.v1.AnalyzeResponse`), as pretty-printed canonical JSON.
pub fn to_json<M: prost::Message>(message: &M, full_name: &str) -> Result<String> {
    let pool = POOL
        .as_ref()
        .map_err(|e| Error::Internal(format!("descriptor set: {e}")))?;
    let descriptor = pool
        .get_message_by_name(full_name)
        .ok_or_else(|| Error::Internal(format!("no message {full_name} in the descriptor set")))?;
    let dynamic = DynamicMessage::decode(descriptor, message.encode_to_vec().as_slice())
        .map_err(|e| Error::Internal(format!("re-decoding {full_name}: {e}")))?;
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    dynamic
        .serialize_with_options(&mut serializer, &prost_reflect::SerializeOptions::new())
        .map_err(|e| Error::Internal(format!("serializing {full_name}: {e}")))?;
    String::from_utf8(out).map_err(|e| Error::Internal(format!("JSON is not UTF-8: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_canonical_names_and_enum_names() {
        let response = pb::AnalyzeResponse {
            analysis: Some(pb::Analysis {
                offset_unit: pb::OffsetUnit::Utf16.into(),
                blocks: vec![pb::Block {
                    span: Some(pb::Span { start: 0, end: 4 }),
                    kind: pb::BlockKind::Body.into(),
                    duplicate_of: Some(0),
                }],
                word_count: 1,
                ..Default::default()
            }),
        };
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&response, "parallax.v1.AnalyzeResponse").unwrap())
                .unwrap();
        assert_eq!(json["analysis"]["offsetUnit"], "OFFSET_UNIT_UTF16");
        assert_eq!(json["analysis"]["wordCount"], 1);
        assert_eq!(json["analysis"]["blocks"][0]["kind"], "BLOCK_KIND_BODY");
        assert_eq!(json["analysis"]["blocks"][0]["duplicateOf"], 0);
        assert_eq!(json["analysis"]["blocks"][0]["span"]["end"], 4);
        // Default values are omitted, as the canonical mapping does.
        assert!(json["analysis"]["blocks"][0]["span"].get("start").is_none());
    }

    #[test]
    fn unknown_message_is_an_internal_error() {
        let err = to_json(&pb::Span::default(), "parallax.v1.Nope").unwrap_err();
        assert!(matches!(err, Error::Internal(_)));
    }
}
