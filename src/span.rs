//! Half-open byte spans into the caller's text, and their conversion to the offset unit the
//! caller reads.
//!
//! Every annotation in Parallax is a [`Span`] of UTF-8 byte offsets into the caller's original
//! text, never a copy of it. Callers in Python, Java or JavaScript index strings by code points
//! or UTF-16 code units, so spans are converted exactly once, at the edge, by an
//! [`OffsetConverter`] built once per text.

/// A half-open range `[start, end)` of UTF-8 byte offsets; both ends lie on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte covered.
    pub start: usize,
    /// One past the last byte covered.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The covered part of `text`, which must be the text the span was made for.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The unit in which span offsets are reported to a caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust, Go, C).
    #[default]
    Utf8,
    /// UTF-16 code units (Java, JavaScript, C#).
    Utf16,
    /// Unicode scalar values (Python).
    CodePoint,
}

/// Converts byte offsets of one text into another [`OffsetUnit`].
///
/// Construction is O(n) once per text for non-ASCII text and free for ASCII text (where all
/// units agree); each conversion is then a binary search over the non-ASCII characters.
#[derive(Debug, Clone)]
pub struct OffsetConverter {
    unit: OffsetUnit,
    /// For each non-ASCII char: its byte offset, and the unit offset at that byte offset.
    /// Between two entries every char is ASCII, so offsets advance one-for-one.
    anchors: Vec<(usize, usize)>,
    /// Extra units each non-ASCII char adds after it: (bytes - units) accumulated.
    /// `deltas[i]` is how much smaller the unit offset is than the byte offset right after the
    /// `i`-th non-ASCII char.
    deltas: Vec<usize>,
}

impl OffsetConverter {
    /// Prepares conversions of byte offsets in `text` to `unit`.
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut anchors = Vec::new();
        let mut deltas = Vec::new();
        if unit != OffsetUnit::Utf8 && !text.is_ascii() {
            let mut delta = 0usize;
            for (offset, ch) in text.char_indices() {
                let bytes = ch.len_utf8();
                if bytes == 1 {
                    continue;
                }
                let units = match unit {
                    OffsetUnit::Utf16 => ch.len_utf16(),
                    OffsetUnit::CodePoint | OffsetUnit::Utf8 => 1,
                };
                anchors.push((offset, offset - delta));
                delta += bytes - units;
                deltas.push(delta);
            }
        }
        Self {
            unit,
            anchors,
            deltas,
        }
    }

    /// The unit this converter produces.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// Converts one byte offset, which must lie on a char boundary of the text.
    pub fn convert(&self, byte_offset: usize) -> usize {
        // Number of non-ASCII chars that start before `byte_offset`.
        let before = self
            .anchors
            .partition_point(|&(offset, _)| offset < byte_offset);
        match before {
            0 => byte_offset,
            n => byte_offset - self.deltas[n - 1],
        }
    }

    /// Converts both ends of a span.
    pub fn span(&self, span: Span) -> Span {
        Span::new(self.convert(span.start), self.convert(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, offset: usize, unit: OffsetUnit) -> usize {
        let prefix = &text[..offset];
        match unit {
            OffsetUnit::Utf8 => prefix.len(),
            OffsetUnit::Utf16 => prefix.encode_utf16().count(),
            OffsetUnit::CodePoint => prefix.chars().count(),
        }
    }

    macro_rules! t {
        ($name:ident, $text:expr, $unit:expr, $offset:expr, $want:expr) => {
            #[test]
            fn $name() {
                let conv = OffsetConverter::new($text, $unit);
                assert_eq!(conv.convert($offset), $want);
            }
        };
    }

    t!(ascii_utf16, "Kim said", OffsetUnit::Utf16, 4, 4);
    t!(ascii_cp, "Kim said", OffsetUnit::CodePoint, 8, 8);
    t!(curly_quote_cp, "“Hi” he", OffsetUnit::CodePoint, 8, 4);
    t!(curly_quote_utf16, "“Hi” he", OffsetUnit::Utf16, 8, 4);
    t!(curly_quote_utf8, "“Hi” he", OffsetUnit::Utf8, 8, 8);
    t!(emoji_utf16, "a😀b", OffsetUnit::Utf16, 5, 3);
    t!(emoji_cp, "a😀b", OffsetUnit::CodePoint, 5, 2);
    t!(emoji_end_utf16, "a😀b", OffsetUnit::Utf16, 6, 4);
    t!(start_is_zero, "é", OffsetUnit::CodePoint, 0, 0);
    t!(after_two_byte, "é.", OffsetUnit::CodePoint, 2, 1);
    t!(hangul_cp, "김정은 said", OffsetUnit::CodePoint, 9, 3);
    t!(hangul_utf16, "김정은 said", OffsetUnit::Utf16, 14, 8);

    proptest::proptest! {
        #[test]
        fn matches_reference(text in "\\PC{0,40}", unit in 0u8..3) {
            let unit = [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::CodePoint][unit as usize];
            let conv = OffsetConverter::new(&text, unit);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                proptest::prop_assert_eq!(conv.convert(offset), reference(&text, offset, unit));
            }
        }
    }
}
