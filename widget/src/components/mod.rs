//! The widget's components, one per file.

pub mod app;
pub mod article_page;
pub mod browse_page;
pub mod check_step;
pub mod choice_step;
pub mod contact_support;
pub mod error_message;
pub mod filter_bar;
pub mod form;
pub mod listing;
pub mod loading;
pub mod nav_bar;
pub mod not_solved_step;
pub mod progress;
pub mod resolution_step;
pub mod rich_text;
pub mod search_box;
pub mod search_hit;
pub mod search_page;
pub mod solved_step;
pub mod start_page;

pub use app::{App, AppProps};
pub use rich_text::{RichText, RichTextProps};

use selfhelp_bundle::Article;

/// The title people see for an article (see [`Article::display_title`]).
pub fn article_title(article: &Article) -> String {
    article.display_title()
}
