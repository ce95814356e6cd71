//! Markup left in scraped text, blanked out before anything reads the text.
//!
//! Article bodies come from scrapers, and some keep a page's tags: an embedded tweet as
//! `<tweet id="75664…" author="@HillaryClinton" datetime="2016-07-23">…</tweet>`, a link as
//! `<a href="…">`. A tag is not prose: its attribute values are not quotations, its dates are not
//! events, its names are not mentions. [`mask`] overwrites every tag with spaces (a block-level
//! tag such as `<p>` or `<br>` with a line break, so paragraphs stay apart), byte for byte, so the
//! masked text has the caller's offsets and every span found in it points at the caller's text
//! unchanged. What a tag encloses (the tweet's own words) stays.
//!
//! Only what is unmistakably a tag is touched: `<` and a name, then attributes that all have
//! values (`id="1"`), ending in `>` or `/>`; or a closing `</name>`; or a bare `<name>` of an
//! HTML element; or a comment `<!-- … -->`. `a <b and c> d` and `x < y` stay text.

use std::borrow::Cow;

/// The longest tag looked for, in bytes; past it a `<` is text.
const MAX_TAG: usize = 2048;

/// HTML elements that end a line when rendered: masked as a line break, not a space.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// HTML elements written inside a line of prose.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u",
];

/// Elements whose content is code, not prose: blanked out with their tags.
const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style"];

/// The text with every markup tag overwritten by spaces (a block-level tag by a line break and
/// spaces), the same length as `text`; borrowed when there is no tag.
pub(crate) fn mask(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut masked: Option<Vec<u8>> = None;
    // Raw-text elements found without an end tag: none comes later either, so the text is
    // searched for each at most once more (no quadratic scans on a page of unclosed tags).
    let mut unclosed = [false; RAW_TEXT_ELEMENTS.len()];
    let mut at = 0;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        match tag_at(&text[start..]) {
            Some((len, block)) => {
                // A script or style element's content is code, not prose: blanked with it.
                let len = raw_text_end(&text[start..], len, &mut unclosed).unwrap_or(len);
                let out = masked.get_or_insert_with(|| bytes.to_vec());
                out[start..start + len].fill(b' ');
                if block {
                    out[start] = b'\n';
                }
                at = start + len;
            }
            None => at = start + 1,
        }
    }
    match masked {
        // Every byte written is ASCII and each replaced range began at '<' and ended after '>',
        // both ASCII, so whole chars were replaced and the bytes are still UTF-8.
        Some(out) => Cow::Owned(String::from_utf8(out).expect("whole chars replaced by ASCII")),
        None => Cow::Borrowed(text),
    }
}

/// When `s` opens a `<script>` or `<style>` element (its start tag `tag` bytes long): the length
/// through the element's end tag, if it has one. `unclosed` marks the elements known to have no
/// end tag further on.
fn raw_text_end(s: &str, tag: usize, unclosed: &mut [bool]) -> Option<usize> {
    let (k, name) = RAW_TEXT_ELEMENTS.iter().enumerate().find(|(_, name)| {
        s.get(1..1 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && s.as_bytes()
                .get(1 + name.len())
                .is_some_and(|&c| c == b'>' || c.is_ascii_whitespace())
    })?;
    if unclosed[k] {
        return None;
    }
    let rest = s.get(tag..)?;
    let end = rest
        .match_indices("</")
        .map(|(i, _)| i)
        .find(|&i| {
            rest.get(i + 2..i + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|at| rest[at..].find('>').map(|close| tag + at + close + 1));
    unclosed[k] = end.is_none();
    end
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// When `s` starts with a tag: its length in bytes, and whether it is a block-level element's.
fn tag_at(s: &str) -> Option<(usize, bool)> {
    let b = s.as_bytes();
    if s.starts_with("<!--") {
        let end = s.get(..MAX_TAG.min(s.len()))?.find("-->")?;
        return Some((end + 3, false));
    }
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':'))
    {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let known = [BLOCK_ELEMENTS, INLINE_ELEMENTS, RAW_TEXT_ELEMENTS]
        .iter()
        .any(|list| list.contains(&name.as_str()));
    let block = BLOCK_ELEMENTS.contains(&name.as_str());
    let mut attributes = 0;
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if i >= MAX_TAG {
            return None;
        }
        match b.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' if b.get(i + 1) == Some(&b'>') && !closing => {
                // A self-closing tag (`<tweet/>`, `<br />`) is markup whatever its name.
                return Some((i + 2, block));
            }
            _ if closing => return None,
            _ => {
                i = attribute_end(b, i)?;
                attributes += 1;
            }
        }
    }
    (closing || known || attributes > 0).then_some((i, block))
}

/// The end of the `name="value"` attribute starting at `i`; `None` when it has no value, which
/// prose between angle brackets would not.
fn attribute_end(b: &[u8], mut i: usize) -> Option<usize> {
    let start = i;
    while b.get(i).is_some_and(|c| {
        !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/' | b'"' | b'\'' | b'<')
    }) {
        i += 1;
    }
    if i == start || b.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    match b.get(i)? {
        &quote @ (b'"' | b'\'') => {
            // (A value running into another tag is no value: each '<' starts at most one scan
            // up to the next, so masking stays linear in the text.)
            let close = b
                .get(i + 1..)?
                .iter()
                .take(MAX_TAG)
                .position(|&c| c == quote || c == b'<')?;
            (b[i + 1 + close] == quote).then_some(i + 1 + close + 1)
        }
        _ => {
            let value = i;
            while b
                .get(i)
                .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'>' | b'<'))
            {
                i += 1;
            }
            (i > value).then_some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(input, masked with each run of spaces written as one)`; the masked text always keeps
    /// the input's length.
    macro_rules! t {
        ($name:ident, $input:expr, $masked:expr) => {
            #[test]
            fn $name() {
                let input: &str = $input;
                let masked = mask(input);
                assert_eq!(masked.len(), input.len());
                let mut squeezed = String::new();
                for c in masked.chars() {
                    if !(c == ' ' && squeezed.ends_with(' ')) {
                        squeezed.push(c);
                    }
                }
                assert_eq!(squeezed, $masked);
            }
        };
    }

    #[rustfmt::skip]
    mod cases {
        use super::*;

        t!(plain_text_untouched, "Kim said “yes.”", "Kim said “yes.”");
        t!(less_than_is_text, "if x < y and y > z", "if x < y and y > z");
        t!(bracketed_words_are_text, "a <b and c> d", "a <b and c> d");
        t!(unclosed_tag_is_text, "<tweet id=\"1\" and more", "<tweet id=\"1\" and more");
        t!(tweet_with_attributes,
           "Read: <tweet id=\"42\" author=\"@Kim\" datetime=\"2022-08-15\">We won.</tweet>.",
           "Read: We won. .");
        t!(self_closing, "A.<tweet/>.", "A. .");
        t!(self_closing_with_space, "A<br />B", "A\n B");
        t!(link, "see <a href=\"https://x.org/a?b=1\">the letter</a> here", "see the letter here");
        t!(single_quoted_value, "<span class='q'>Yes</span>", " Yes ");
        t!(unquoted_value, "<td width=3>9</td>", "\n 9\n ");
        t!(bare_known_element, "one<p>two", "one\n two");
        t!(bare_unknown_name_is_text, "press <Enter> now", "press <Enter> now");
        t!(closing_unknown_name, "x</tweet>y", "x y");
        t!(comment, "a<!-- ad slot -->b", "a b");
        t!(value_with_non_ascii, "<i title=\"Пхеньян\">P</i>", " P ");
        t!(uppercase_element, "<P>Text", "\n Text");
        t!(quote_marks_in_values_are_blanked, "<a title=\"“no”\">x</a>", " x ");
        t!(script_content_is_code,
           "A.<script type=\"text/javascript\">var s = \"said \\\"no\\\"\";</script>B.", "A. B.");
        t!(style_content_is_code, "A.<STYLE>p { content: \"x\" }</Style>B.", "A. B.");
        t!(unclosed_script_blanks_only_its_tag, "<script>var a = 1", " var a = 1");
        t!(value_running_into_a_tag_is_text, "<a title=\"x <b>y</b>\">z", "<a title=\"x y \">z");
        t!(scripture_is_not_script, "<scripture id=\"1\">Amen</scripture>", " Amen ");
    }

    proptest::proptest! {
        #[test]
        fn keeps_length_and_text_outside_tags(input in "(\\PC|<|>|/|=|\"| ){0,80}") {
            let masked = mask(&input);
            proptest::prop_assert_eq!(masked.len(), input.len());
            for (i, c) in input.char_indices() {
                let here = &masked.as_bytes()[i..i + c.len_utf8()];
                let blanked = here.iter().all(|&b| b == b' ' || b == b'\n');
                proptest::prop_assert!(here == c.to_string().as_bytes() || blanked);
            }
        }
    }
}
