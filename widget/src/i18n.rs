//! The widget's own words, in every language it speaks: one table per language, chosen
//! by the `lang` of the widget's element or of its page.
//!
//! Content (titles, steps, questions) is the authors'; these are the words around it.
//! A template's `{}` are filled in order by [`fill`].

/// Every string the widget shows or announces.
pub struct Strings {
    /// The BCP 47 tag of the table.
    pub lang: &'static str,
    pub right_to_left: bool,

    pub how_can_we_help: &'static str,
    pub browse_heading: &'static str,
    pub no_articles_yet: &'static str,
    pub nothing_matches: &'static str,
    pub all_products: &'static str,
    pub all_articles: &'static str,
    pub topics: &'static str,
    pub filters: &'static str,
    pub show: &'static str,
    pub everything: &'static str,
    pub troubleshooters: &'static str,
    pub questionnaires: &'static str,
    pub troubleshooter: &'static str,
    pub questionnaire: &'static str,
    pub cloud: &'static str,
    pub all_clouds: &'static str,
    /// Public, US Government, China, Germany, US Nat, US Sec.
    pub clouds: [&'static str; 6],
    /// `{}`: a count.
    pub with_count: &'static str,
    pub one_article: &'static str,
    /// `{}`: how many.
    pub articles: &'static str,
    /// `{}`: how many more, `{}`: how many in all.
    pub show_more: &'static str,
    pub breadcrumb: &'static str,
    /// `{}`: the product key from the address.
    pub no_product: &'static str,
    /// `{}`: the topic key, `{}`: the product.
    pub no_topic: &'static str,
    /// `{}`: the article id.
    pub no_article: &'static str,
    pub loading: &'static str,
    pub try_again: &'static str,
    pub damaged_steps: &'static str,
    pub updated: &'static str,

    pub article_navigation: &'static str,
    pub back: &'static str,
    pub start_over: &'static str,
    pub progress: &'static str,
    /// `{}`: the step number.
    pub step: &'static str,
    pub which_fits: &'static str,
    pub is_this_the_cause: &'static str,
    pub try_this: &'static str,
    pub glad_solved: &'static str,
    pub still_not_solved: &'static str,
    /// `{}`: the choice's number.
    pub choice: &'static str,
    pub this_is_it: &'static str,
    pub rule_it_out: &'static str,
    pub the_cause: &'static str,
    pub did_this_solve: &'static str,
    pub other_fixes: &'static str,
    pub yes_solved: &'static str,
    pub no_not_solved: &'static str,
    pub solved_text: &'static str,
    pub sorry: &'static str,
    pub recommended_documents: &'static str,
    pub handoff_intro: &'static str,
    pub describe_to_support: &'static str,
    pub contact_support: &'static str,
    pub contact_intro: &'static str,
    pub email_support: &'static str,
    pub contact_your_team: &'static str,

    pub describe_the_problem: &'static str,
    pub form_intro: &'static str,
    pub no_questions: &'static str,
    pub submit: &'static str,
    pub there_is_a_problem: &'static str,
    pub error_prefix: &'static str,
    pub form_navigation: &'static str,
    pub choose_an_option: &'static str,
    pub other_describe: &'static str,
    pub more_about: &'static str,
    pub required: &'static str,
    pub your_description: &'static str,
    pub summary_intro: &'static str,
    pub files_to_attach: &'static str,
    pub edit_answers: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub download_text: &'static str,
    pub download_json: &'static str,
    pub email_summary: &'static str,
    pub open_help: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub search_heading: &'static str,
    pub one_result: &'static str,
    /// `{}`: how many.
    pub results: &'static str,
    /// `{}`: the query.
    pub no_results: &'static str,
    pub did_you_mean: &'static str,
    /// `{}`: the query.
    pub see_all: &'static str,
    pub browse_instead: &'static str,
    pub product: &'static str,
    pub searching: &'static str,
    pub close: &'static str,

    /// Validation: `{}` is the question, quoted, or [`Strings::this_question`].
    pub this_question: &'static str,
    pub must_choose: &'static str,
    pub must_choose_some: &'static str,
    pub must_date: &'static str,
    pub must_answer: &'static str,
    pub must_number: &'static str,
    pub must_date_format: &'static str,
    pub bad_format: &'static str,
    /// `{}`: the question, `{}`: the limit.
    pub too_long: &'static str,
    /// `{}`: the question, `{}`: the limit.
    pub too_small: &'static str,
    /// `{}`: the question, `{}`: the date.
    pub too_early: &'static str,
    /// Quotes around a question's label.
    pub quotes: (&'static str, &'static str),
}

/// Only the language: printing every string would put all their names in the wasm.
impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Strings({})", self.lang)
    }
}

impl Strings {
    /// "1 article", "12 articles".
    pub fn article_count(&self, count: u32) -> String {
        match count {
            1 => self.one_article.to_string(),
            n => fill(self.articles, &[&n.to_string()]),
        }
    }

    /// "1 result", "12 results".
    pub fn result_count(&self, count: usize) -> String {
        match count {
            1 => self.one_result.to_string(),
            n => fill(self.results, &[&n.to_string()]),
        }
    }

    /// A question as messages quote it.
    pub fn quoted(&self, label: &str) -> String {
        match label.trim() {
            "" => self.this_question.to_string(),
            label => format!("{}{label}{}", self.quotes.0, self.quotes.1),
        }
    }
}

/// Replaces each `{}` of `template` with the next of `values`.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// The table for a language tag (`fr-CA` reads French), English when there is none.
pub fn strings_for(tag: &str) -> &'static Strings {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|s| s.lang == primary)
        .unwrap_or(&EN)
}

/// Every table, English first.
pub const LANGUAGES: [&Strings; 3] = [&EN, &FR, &AR];

mod ar;
mod en;
mod fr;

pub use ar::AR;
pub use en::EN;
pub use fr::FR;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_order_and_tags_pick_their_table() {
        assert_eq!(
            fill("Show {} more of {}", &["40", "120"]),
            "Show 40 more of 120"
        );
        assert_eq!(fill("no holes", &["x"]), "no holes");
        assert_eq!(fill("{} and {}", &["one"]), "one and ");
        assert_eq!(strings_for("fr-CA").lang, "fr");
        assert_eq!(strings_for("AR").lang, "ar");
        assert_eq!(strings_for("de").lang, "en");
        assert_eq!(strings_for("").lang, "en");
        assert!(AR.right_to_left && !FR.right_to_left);
        assert_eq!(EN.article_count(1), "1 article");
        assert_eq!(FR.article_count(3), "3 articles");
        assert_eq!(EN.quoted("  "), "this question");
        assert_eq!(FR.quoted("Région"), "« Région »");
    }

    #[test]
    fn every_template_has_its_holes_in_every_language() {
        for table in LANGUAGES {
            let holes = |s: &str| s.matches("{}").count();
            assert_eq!(holes(table.articles), 1, "{}", table.lang);
            assert_eq!(holes(table.show_more), 2, "{}", table.lang);
            assert_eq!(holes(table.step), 1, "{}", table.lang);
            assert_eq!(holes(table.with_count), 1, "{}", table.lang);
            assert_eq!(holes(table.too_long), 2, "{}", table.lang);
            assert_eq!(holes(table.must_answer), 1, "{}", table.lang);
            assert_eq!(holes(table.no_topic), 2, "{}", table.lang);
            assert_eq!(holes(table.results), 1, "{}", table.lang);
            assert_eq!(holes(table.no_results), 1, "{}", table.lang);
            assert_eq!(holes(table.see_all), 1, "{}", table.lang);
        }
    }
}
