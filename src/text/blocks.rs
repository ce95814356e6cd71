//! Paragraphs, and the role each plays on the page.
//!
//! Scraped articles arrive with navigation, widgets, related-link lines, photo captions and
//! credits, date stamps, and paragraphs a scraper repeated. Extractors must read only the
//! article's prose, so every block is tagged; debris is recognised by its shape (length, casing,
//! terminal punctuation, characters) and a short lexicon of page furniture, never by the text of
//! particular articles.
//!
//! A block is a line: news text puts one paragraph per line. Hard-wrapped prose is the exception
//! and is joined back: a line that does not end a sentence followed by one that starts in
//! lowercase continues the same paragraph.

use std::collections::HashMap;
use std::ops::Range;

use crate::span::Span;

use super::{Block, BlockKind};

/// Splits `text` into trimmed line blocks, joining hard-wrapped lines.
pub(crate) fn split(text: &str) -> Vec<Span> {
    let mut blocks: Vec<Span> = Vec::new();
    let mut offset = 0;
    let mut previous_joinable = false;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = trim_bullets(content.trim());
        if trimmed.is_empty() {
            previous_joinable = false;
            continue;
        }
        let start = line_start + (trimmed.as_ptr() as usize - line.as_ptr() as usize);
        let span = Span::new(start, start + trimmed.len());
        let continues = previous_joinable && trimmed.starts_with(|c: char| c.is_lowercase());
        match blocks.last_mut() {
            Some(last) if continues => last.end = span.end,
            _ => blocks.push(span),
        }
        previous_joinable = !ends_sentence(trimmed) && trimmed.split_whitespace().count() >= 6;
    }
    blocks
}

/// Strips list bullets ("• Oops!").
fn trim_bullets(line: &str) -> &str {
    line.trim_start_matches(['•', '·', '▪', '►', '*', '–'])
        .trim_start()
}

/// True when `line` ends like a sentence: a terminator, possibly inside closing quotes.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', ':'])
}

/// Page furniture, compared case-insensitively with the whole line (trailing punctuation
/// ignored).
const FURNITURE: &[&str] = &[
    "home",
    "category",
    "categories",
    "menu",
    "tv live menu",
    "live",
    "search",
    "loading",
    "loading data",
    "follow us",
    "follow",
    "leave a reply",
    "leave a comment",
    "comments",
    "latest headlines",
    "latest news",
    "top stories",
    "most read",
    "most popular",
    "trending",
    "oops",
    "something went wrong",
    "please try again later",
    "read more",
    "read the rest here",
    "advertisement",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "tweet",
    "email",
    "print",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "related",
    "related articles",
    "related stories",
    "related news",
    "recommended",
    "you may also like",
    "more stories",
    "skip to content",
    "skip to main content",
    "close",
    "back to top",
    "copy link",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "listen to this article",
    "all rights reserved",
    "cookie settings",
    "accept cookies",
    "view comments",
    "show comments",
    "report an error",
    "photos",
    "video",
    "watch",
];

/// Line openings of link lines and calls to action.
const FURNITURE_PREFIXES: &[&str] = &[
    "RELATED ",
    "RELATED:",
    "Related:",
    "READ MORE",
    "Read more:",
    "Read More:",
    "READ ALSO",
    "Read also:",
    "ALSO READ",
    "Also read:",
    "SEE ALSO",
    "See also:",
    "CLICK HERE",
    "Click here",
    "More from ",
    "MORE FROM ",
    "Sign up for ",
    "Subscribe to ",
    "Follow us on ",
    "Follow Us on ",
    "Copyright ",
    "©",
    "(c) ",
    "WATCH:",
    "Watch:",
    "LISTEN:",
    "Share on ",
    "Share this",
    "This article was originally published",
];

/// Marks of photo captions and credits.
const CAPTION_MARKS: &[&str] = &[
    "File Photo by",
    "file photo by",
    "| License Photo",
    "Photo by ",
    "(AP Photo",
    "AP Photo/",
    "Photo: ",
    "PHOTO: ",
    "Photograph: ",
    "(Photo",
    "Getty Images",
    "(Reuters/",
    "(REUTERS/",
    "REUTERS/",
    "/AFP",
    "AFP/",
    "/Reuters",
    "Image: ",
    "Credit: ",
    "Picture: ",
    "Photo credit",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "updated",
    "published",
    "posted",
    "last",
    "on",
    "gmt",
    "utc",
    "est",
    "edt",
    "cst",
    "pst",
    "kst",
    "bst",
    "cet",
    "msk",
];

/// Tags the blocks of `text`. `title` is the caller's headline, if any.
pub(crate) fn tag(text: &str, spans: &[Span], title: Option<&str>) -> Vec<Block> {
    let title = title.map(fold);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut blocks = Vec::with_capacity(spans.len());
    for (index, &span) in spans.iter().enumerate() {
        let line = span.slice(text);
        let mut kind = classify(line);
        let folded = fold(line);
        if title.as_deref() == Some(folded.as_str()) && kind != BlockKind::Duplicate {
            kind = BlockKind::Headline;
        }
        let mut duplicate_of = None;
        if matches!(kind, BlockKind::Body | BlockKind::Headline) {
            match seen.get(&folded) {
                Some(&original) if kind == BlockKind::Body || folded.len() > 40 => {
                    kind = BlockKind::Duplicate;
                    duplicate_of = Some(original);
                }
                Some(_) => {}
                None => {
                    seen.insert(folded, index);
                }
            }
        }
        blocks.push(Block {
            span,
            kind,
            duplicate_of,
        });
    }
    blocks
}

/// Case- and space-folded text, for comparing paragraphs. Every line of an article is folded,
/// so an ASCII word (nearly all of them) is copied and lowercased in place rather than char by
/// char: the same result, at a fraction of the cost.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// A navigation trail: short items joined by `›`, `»`, `>` or `/` ("Home › World › Asia").
fn is_breadcrumb(words: &[&str]) -> bool {
    let separators = words
        .iter()
        .filter(|w| matches!(**w, "›" | "»" | ">" | "/" | "|" | "•"))
        .count();
    let section_first = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "home" | "news" | "world" | "politics" | "business" | "sport" | "sports" | "opinion"
        )
    });
    let short_items = words.len() <= 3 * (separators + 1);
    separators >= 1 && ((section_first && words.len() <= 12) || (separators >= 2 && short_items))
}

/// The signature of a quote in the web's epigraph style, a dash and a name after the closing
/// mark that end the line: "“The most unqualified child ever.” ― Francisco Herrero", "“...” —
/// Steve Quinlan, teacher". Returns the byte ranges (in `line`) of the first such dash and of
/// the name: one to five capitalized words, then at most a comma and a few words saying who
/// the signer is.
pub(crate) fn quote_signature(line: &str) -> Option<(Range<usize>, Range<usize>)> {
    line.char_indices()
        .filter(|&(i, c)| {
            // (A hyphen too, when a space or the name follows it: "- Sanders.", "-President
            // Obama, tweeting".)
            matches!(c, '―' | '—' | '–')
                || (c == '-'
                    && line[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n == ' ' || n.is_uppercase()))
        })
        .find_map(|(i, dash)| {
            if !line[..i].trim_end().ends_with(['”', '"', '’', '»']) {
                return None;
            }
            let after = &line[i + dash.len_utf8()..];
            let start = i + dash.len_utf8() + (after.len() - after.trim_start().len());
            let rest = &line[start..];
            let (name, who) = rest.split_once(',').unwrap_or((rest, ""));
            let name = name.trim_end().trim_end_matches('.');
            let words = name.split_whitespace().count();
            let capitalized = name
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            let who_words = who.split_whitespace().count();
            ((1..=5).contains(&words) && capitalized && who_words <= 8 && !who.contains(['“', '"']))
                .then(|| (i..i + dash.len_utf8(), start..start + name.len()))
        })
}

/// The role of one line, by its own shape.
fn classify(line: &str) -> BlockKind {
    let words: Vec<&str> = line.split_whitespace().collect();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if is_date_stamp(&words) {
        return BlockKind::Dateline;
    }
    if letters == 0 {
        // "461", "---", "|": counters, separators.
        return BlockKind::Boilerplate;
    }
    if is_furniture(line, &words) || is_breadcrumb(&words) {
        return BlockKind::Boilerplate;
    }
    if CAPTION_MARKS.iter().any(|m| line.contains(m))
        || is_photo_caption(&words)
        || is_credit(line, &words)
    {
        return BlockKind::Caption;
    }
    if is_byline(&words) {
        return BlockKind::Dateline;
    }
    if words.len() == 1 && is_token_debris(line) {
        return BlockKind::Boilerplate;
    }
    let uppercase = line.chars().filter(|c| c.is_uppercase()).count();
    if words.len() >= 6 && uppercase * 10 >= letters * 8 {
        // Whole lines in capitals are link headlines of other stories.
        return BlockKind::Boilerplate;
    }
    // (A signed pull quote is the signer's words, not a title: "“...” ― Esther Tapia".)
    let signed = line.starts_with(['“', '"', '”', '‘', '«']) && quote_signature(line).is_some();
    if !ends_sentence(line) && words.len() <= 20 && !signed {
        return BlockKind::Headline;
    }
    BlockKind::Body
}

fn is_furniture(line: &str, words: &[&str]) -> bool {
    if words.len() <= 8 {
        let bare = line
            .trim_end_matches(['.', '!', '?', '…', ':', ' '])
            .to_lowercase();
        if FURNITURE.contains(&bare.as_str()) {
            return true;
        }
        // Menus: a few words that are all furniture ("TV Live Menu", "Home News Sport").
        if words.len() <= 5
            && words.iter().all(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                FURNITURE.contains(&w.as_str())
                    || matches!(
                        w.as_str(),
                        "tv" | "news"
                            | "sport"
                            | "sports"
                            | "world"
                            | "business"
                            | "opinion"
                            | "politics"
                            | ""
                    )
            })
        {
            return true;
        }
    }
    FURNITURE_PREFIXES.iter().any(|p| line.starts_with(p))
}

/// "In this Thursday, April 25, 2019, photo, ..." and "FILE - In this ... photo".
fn is_photo_caption(words: &[&str]) -> bool {
    let opening = words
        .iter()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect::<Vec<_>>();
    let starts = opening.first().is_some_and(|w| *w == "In" || *w == "FILE");
    starts
        && words.iter().take(14).any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
                "photo" | "photograph" | "image" | "picture" | "file"
            )
        })
        && opening
            .get(1)
            .is_some_and(|w| *w == "this" || *w == "-" || *w == "In")
}

/// A credit line: a few capitalised words with an agency after a slash ("Jane Doe/AP").
fn is_credit(line: &str, words: &[&str]) -> bool {
    words.len() <= 5
        && !ends_sentence(line)
        && line.split('/').count() == 2
        && line.split('/').all(|part| {
            part.split_whitespace().count() > 0
                && part
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        })
}

/// A line that only states a date or time: "December 28, 2024", "15.08.22 15:00",
/// "Updated: Aug. 15, 2022 at 3:00 p.m. KST".
fn is_date_stamp(words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let mut digits = false;
    // A bare number ("461", "2024") is a counter, not a stamp: a stamp has a month or weekday
    // name, or a number with date or time separators.
    let mut structured = false;
    for word in words {
        let w =
            word.trim_matches(|c: char| matches!(c, ',' | ':' | '|' | '(' | ')' | '-' | '–' | '—'));
        if w.is_empty() {
            continue;
        }
        if w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | ':' | '-'))
        {
            let has_digit = w.chars().any(|c| c.is_ascii_digit());
            digits |= has_digit;
            structured |= has_digit && w.contains(['.', '/', ':', '-']);
            continue;
        }
        let lower = w.trim_end_matches('.').to_lowercase();
        let ordinal = lower
            .trim_end_matches(|c: char| c.is_alphabetic())
            .chars()
            .all(|c| c.is_ascii_digit())
            && lower.chars().next().is_some_and(|c| c.is_ascii_digit());
        let month = MONTHS.contains(&lower.as_str());
        if !(month || DATE_WORDS.contains(&lower.as_str()) || ordinal) {
            return false;
        }
        structured |= month;
        digits |= ordinal;
    }
    digits && structured
}

/// "By Jane Doe" or "By Jane Doe and John Roe, Reuters".
fn is_byline(words: &[&str]) -> bool {
    words.len() >= 2
        && words.len() <= 8
        && (words[0] == "By" || words[0] == "BY")
        && words[1..]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "and" | "&" | "|"))
}

/// A single token that is not a word: an id or hash ("62f9f7d471fdc"), a domain ("BM.GE").
fn is_token_debris(token: &str) -> bool {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let alnum = token.chars().filter(|c| c.is_alphanumeric()).count();
    let hash_like = token.len() >= 6 && digits >= 2 && alnum == token.chars().count();
    let domain_like = token.contains('.')
        && !token.ends_with('.')
        && token
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphanumeric));
    hash_like || domain_like
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_and_joins_words() {
        for (text, folded) in [
            ("  The  U.S.\tSAID ", "the u.s. said"),
            ("ÉTÉ in Köln", "été in köln"),
            ("", ""),
        ] {
            assert_eq!(fold(text), folded, "{text:?}");
        }
    }

    fn kind(line: &str) -> BlockKind {
        classify(line)
    }

    macro_rules! t {
        ($name:ident, $line:expr, $kind:ident) => {
            #[test]
            fn $name() {
                assert_eq!(kind($line), BlockKind::$kind, "{:?}", $line);
            }
        };
    }

    #[rustfmt::skip]
    mod cases {
        use super::*;

        // Prose.
        t!(body_plain, "The two leaders exchanged letters on Monday, the state news agency said.", Body);
        t!(body_quote_end, "The envoy said the talks would “continue in good faith.”", Body);
        t!(body_starting_related, "Related talks in Geneva collapsed after the delegation walked out on Friday.", Body);
        t!(body_starting_home, "Home prices in the capital rose for a third straight month, officials said.", Body);
        t!(body_starting_share, "Share prices fell sharply after the announcement.", Body);
        t!(body_dateline, "SEOUL, Aug. 15 (UPI) -- The two leaders traded letters on the holiday.", Body);
        t!(body_with_photo_word, "The minister said a photo of the meeting would be released later this week.", Body);
        t!(body_short_sentence, "He declined to comment.", Body);
        t!(body_question, "Will the ceasefire hold?", Body);
        t!(body_long_without_period, "The delegation toured the port, met local officials, inspected new cranes and signed two agreements on shipping that the ministry says will double trade", Body);
        // Headlines.
        t!(headline_title_case, "Leaders Trade Letters on Liberation Day", Headline);
        t!(headline_sentence_case, "Putin wants closer ties with Pyongyang: State media", Headline);
        t!(headline_quoted, "‘Militant Unity’: Leaders Pledge to Expand Cooperation", Headline);
        t!(headline_two_words, "Backsliding Democracy", Headline);
        t!(headline_quote_then_dash, "“Peace Through Strength” — the Slogan Returns", Headline);
        // A pull quote signed by its speaker is prose, however short.
        t!(body_signed_quote, "“The worst candidate in years.” ― Dana Ruiz", Body);
        t!(body_signed_quote_with_role, "“He never listens.” — Omar Haddad, a teacher", Body);
        // Datelines and bylines.
        t!(date_long, "December 28, 2024", Dateline);
        t!(date_dotted_time, "15.08.22 15:00", Dateline);
        t!(date_updated, "Updated: Aug. 15, 2022 at 3:00 p.m. KST", Dateline);
        t!(date_weekday, "Monday, August 15, 2022", Dateline);
        t!(date_iso, "2022-08-15 09:30", Dateline);
        t!(byline, "By Jane Doe", Dateline);
        t!(byline_two, "By Jane Doe and John Roe", Dateline);
        // Captions and credits.
        t!(caption_in_this_photo, "In this Thursday, April 25, 2019, photo, two leaders walk past an honor guard.", Caption);
        t!(caption_file_photo, "The leader waves to the crowd in the capital. File Photo by Agency/UPI", Caption);
        t!(caption_license, "The leader waves to the crowd. File Photo by Agency/UPI | License Photo", Caption);
        t!(caption_ap_photo, "Protesters march downtown. (AP Photo/Jane Doe)", Caption);
        t!(credit_only, "Jane Doe/AP", Caption);
        t!(credit_getty, "Getty Images", Caption);
        t!(credit_reuters, "REUTERS/John Roe", Caption);
        t!(caption_reuters_photo, "Crowds gather in the square. (Reuters/Jane Doe)", Caption);
        // A wire dateline names its agency in brackets too: that opens a story, not a caption.
        t!(body_reuters_dateline, "LONDON (Reuters) - The mayor said the bridge would reopen on Monday after repairs.", Body);
        // Debris.
        t!(nav_home, "Home", Boilerplate);
        t!(nav_category, "Category", Boilerplate);
        t!(nav_menu, "TV Live Menu", Boilerplate);
        t!(widget_loading, "Loading data...", Boilerplate);
        t!(widget_oops, "Oops!", Boilerplate);
        t!(widget_wrong, "Something went wrong.", Boilerplate);
        t!(widget_retry, "Please try again later.", Boilerplate);
        t!(follow_us, "Follow Us", Boilerplate);
        t!(breadcrumb, "Home › World › Asia", Boilerplate);
        t!(breadcrumb_two, "News / Politics", Boilerplate);
        t!(breadcrumb_slashes, "Europe / Ukraine / War", Boilerplate);
        t!(not_breadcrumb, "Kim and Putin trade letters / pledges", Headline);
        t!(leave_reply, "Leave a Reply", Boilerplate);
        t!(latest, "Latest Headlines", Boilerplate);
        t!(more_from, "More from The Daily Planet", Boilerplate);
        t!(related_link, "RELATED Rebels shell the port city; dozens flee", Boilerplate);
        t!(click_here, "CLICK HERE FOR MORE FROM THE DAILY PLANET", Boilerplate);
        t!(caps_link, "‘HIGH ALERT’: ANALYSTS WARN OF NEW MISSILE TESTS", Boilerplate);
        t!(hash_id, "62f0a9c71e4bd", Boilerplate);
        t!(domain, "NEWS.GE", Boilerplate);
        t!(counter, "461", Boilerplate);
        t!(separator, "* * *", Boilerplate);
        t!(read_rest, "Read the rest here.", Boilerplate);
        t!(advert, "Advertisement", Boilerplate);
        t!(copyright, "© 2022 The Daily Planet. All rights reserved.", Boilerplate);
    }

    #[test]
    fn lines_are_blocks_and_bullets_are_trimmed() {
        let text = "Title Line\n\n  • Oops!\nFirst paragraph here.\r\nSecond one.\n";
        let blocks: Vec<&str> = split(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            blocks,
            [
                "Title Line",
                "Oops!",
                "First paragraph here.",
                "Second one."
            ]
        );
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The two leaders exchanged letters on the\nholiday, state media said.\nA new paragraph starts here.";
        let blocks: Vec<&str> = split(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            blocks,
            [
                "The two leaders exchanged letters on the\nholiday, state media said.",
                "A new paragraph starts here."
            ]
        );
    }

    #[test]
    fn repeated_paragraph_is_a_duplicate_of_the_first() {
        let text = "A Headline\nThe lede paragraph repeats itself here.\nThe lede paragraph repeats itself here.\nHome\nHome";
        let spans = split(text);
        let blocks = tag(text, &spans, None);
        let kinds: Vec<_> = blocks.iter().map(|b| (b.kind, b.duplicate_of)).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Headline, None),
                (BlockKind::Body, None),
                (BlockKind::Duplicate, Some(1)),
                (BlockKind::Boilerplate, None),
                (BlockKind::Boilerplate, None),
            ]
        );
    }

    #[test]
    fn a_signature_is_a_dash_and_a_name_closing_the_line_after_a_quote() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "“The worst candidate in years.” ― Dana Ruiz",
                Some("Dana Ruiz"),
            ),
            (
                "“He never listens.” — Omar Haddad, a teacher",
                Some("Omar Haddad"),
            ),
            ("“Vote.”– Lee Ann Park.", Some("Lee Ann Park")),
            // A dash inside the quote is the speaker's own.
            ("“We tried – Nothing Worked” and left", None),
            // The writer's sentence goes on after the dash.
            (
                "He called it “a hoax” — Clinton Foundation officials disagreed.",
                None,
            ),
            ("“It is over” — Trump said on Monday", None),
            ("“Taxes are zero.”\n\n- Dana Ruiz.", Some("Dana Ruiz")),
            (
                "“Great speech.” -Omar Haddad, tweeting from the hall.",
                Some("Omar Haddad"),
            ),
            ("“Take the high-paying job” -based advice", None),
            // No quote before the dash.
            ("Election night — Dana Ruiz", None),
        ];
        for &(line, name) in cases {
            let found = quote_signature(line).map(|(dash, name)| {
                assert!(matches!(&line[dash], "―" | "—" | "–" | "-"), "{line:?}");
                &line[name]
            });
            assert_eq!(found, name, "{line:?}");
        }
    }

    #[test]
    fn callers_title_is_a_headline() {
        let text = "Leaders trade letters as ties deepen.\nThe rest follows.";
        let spans = split(text);
        let blocks = tag(text, &spans, Some("Leaders Trade Letters as Ties Deepen."));
        assert_eq!(blocks[0].kind, BlockKind::Headline);
        assert_eq!(blocks[1].kind, BlockKind::Body);
    }
}
