//! Word-level text keys shared by the comparison passes: words as a reader compares them
//! (case, punctuation and editorial brackets ignored), crude stems, stop words, and a stable hash.

/// The words of `text` with their surface form: runs of letters and digits, keeping inner
/// apostrophes and hyphens ("Jong-un", "Korea's"); editorial brackets are dropped first, so
/// "[S]outh" reads "South" and "[North Korea]" reads "North Korea".
pub(crate) fn surface_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '[' || c == ']' {
            continue;
        }
        let joiner = matches!(c, '\'' | '’' | '-' | '‐')
            && !current.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            current.push(c);
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A word as compared: lower case, curly apostrophes straightened, possessive "'s" dropped.
pub(crate) fn fold(word: &str) -> String {
    let mut lower = word.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    match lower.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => lower,
    }
}

/// `surface_words` folded.
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    surface_words(text).iter().map(|w| fold(w)).collect()
}

/// A crude stem, enough to match "recognize"/"recognized"/"recognizing" and
/// "volunteer"/"volunteers": one common suffix off, keeping at least four letters.
pub(crate) fn stem(folded: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(stem) = folded.strip_suffix(suffix)
            && stem.chars().count() >= 4
        {
            return stem;
        }
    }
    folded
}

/// Function words and reporting verbs, which say nothing about what an article is about.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "during", "each", "even", "for", "from", "had", "has", "have",
    "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "last", "may", "me", "more", "most", "mr", "mrs", "ms", "much", "must", "my", "new", "no",
    "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "say",
    "says", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "told", "too", "two",
    "under", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "year", "years", "you", "your",
];

/// True for words that carry content: not a stop word, not a lone letter or digit.
pub(crate) fn is_content(folded: &str) -> bool {
    folded.chars().count() > 1 && STOP_WORDS.binary_search(&folded).is_err()
}

/// The key of one token when it carries content: the hash of its stem ("recognized" and
/// "recognize" agree); `None` for function words and punctuation.
pub(crate) fn content_key(token: &str) -> Option<u64> {
    // Most tokens are short ASCII words: fold them on the stack (this runs for every token of
    // every compared article).
    let mut buffer = [0u8; 32];
    if token.len() <= buffer.len() && token.is_ascii() {
        let lower = &mut buffer[..token.len()];
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        let word = std::str::from_utf8(lower).ok()?;
        let word = word
            .strip_suffix("'s")
            .filter(|w| !w.is_empty())
            .unwrap_or(word);
        return folded_content_key(word);
    }
    folded_content_key(&fold(token))
}

/// [`content_key`] of a word already folded.
pub(crate) fn folded_content_key(word: &str) -> Option<u64> {
    (is_content(word) && word.starts_with(char::is_alphanumeric)).then(|| hash(&[stem(word)]))
}

/// FNV-1a 64: stable across runs and platforms, so keys can be compared between processes.
pub(crate) fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The key linking names across articles: letters and digits only, lower case, so "Kim
/// Jong-un", "Kim Jong Un" and "KIM JONG UN" agree.
pub(crate) fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_ignore_brackets_and_keep_inner_joiners() {
        assert_eq!(
            surface_words("wiping out the [S]outh Korean authorities, Kim Jong-un’s “friend”"),
            [
                "wiping",
                "out",
                "the",
                "South",
                "Korean",
                "authorities",
                "Kim",
                "Jong-un’s",
                "friend"
            ]
        );
        assert_eq!(fold("Jong-un’s"), "jong-un");
        assert_eq!(stem("recognized"), stem("recognize"));
        assert_eq!(stem("volunteers"), "volunteer");
        assert_eq!(name_key("Kim Jong-un"), name_key("KIM JONG UN"));
        assert_eq!(content_key("Recognized"), content_key("recognize"));
        assert_eq!(content_key("Korea's"), content_key("Korea’s"));
        assert_eq!(content_key("the"), None);
    }
}
