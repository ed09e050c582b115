//! Reading the word-list files under `data/`.
//!
//! Every annotator keeps its closed-class words in a file of rows
//! `list<TAB>form[<TAB>weight]` (`#` starts a comment line), and picks the
//! lists it knows by name; this is the one reader of that layout.

/// Rows of a tagged list file: (list, form, weight), fields trimmed; rows
/// without a form are skipped.
pub fn tagged_rows(data: &str) -> impl Iterator<Item = (&str, &str, Option<f64>)> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).filter_map(|l| {
        let mut cols = l.split('\t').map(str::trim);
        let (Some(list), Some(form)) = (cols.next(), cols.next()) else { return None };
        let weight = cols.next().and_then(|w| w.parse::<f64>().ok());
        (!form.is_empty()).then_some((list, form, weight))
    })
}

/// Whether `w` ends with one of `affixes` (empty affixes never count).
pub fn ends_with_any(w: &str, affixes: &[String]) -> bool {
    affixes.iter().any(|a| !a.is_empty() && w.ends_with(a.as_str()))
}

/// Whether `w` starts with one of `affixes` (empty affixes never count).
pub fn starts_with_any(w: &str, affixes: &[String]) -> bool {
    affixes.iter().any(|a| !a.is_empty() && w.starts_with(a.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_rows_skip_comments_and_read_weights() {
        let rows: Vec<_> = tagged_rows("# comment\n\nenclitic\tها\t30.0\nverb_suffix\tت\nbroken\n").collect();
        assert_eq!(rows, [("enclitic", "ها", Some(30.0)), ("verb_suffix", "ت", None)]);
    }

    #[test]
    fn affix_tests_ignore_empty_affixes() {
        let a = vec![String::new(), "ات".to_string()];
        assert!(ends_with_any("منظمات", &a) && !ends_with_any("منظمة", &a));
        assert!(starts_with_any("اتفاق", &a) && !starts_with_any("وفاق", &a));
    }
}
