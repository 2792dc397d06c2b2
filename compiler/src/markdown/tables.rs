//! GitHub-style tables (pulldown-cmark's tables option) into `Block::Table`.

use std::ops::Range;

use selfhelp_bundle::{Block, Inline};

use super::{tidy, Converter, Frame};

impl Converter<'_> {
    /// Adds a closed cell to the last row of the table it is in.
    pub(super) fn close_cell(&mut self, content: Vec<Inline>) {
        match self.stack.last_mut() {
            Some(Frame::Table { rows, .. }) => match rows.last_mut() {
                Some(row) => row.push(tidy(content)),
                None => rows.push(vec![tidy(content)]),
            },
            _ => self.silent_drops += 1,
        }
    }

    /// The first row is the header; every row is padded or cut to the header's width,
    /// keeping the text of extra cells in the last one so nothing is lost.
    pub(super) fn close_table(&mut self, rows: Vec<Vec<Vec<Inline>>>, span: Range<usize>) {
        let mut rows = rows.into_iter();
        let header = rows.next().unwrap_or_default();
        let width = header.len().max(1);
        let rows = rows
            .map(|mut row| {
                if row.len() > width {
                    let extra: Vec<Vec<Inline>> = row.split_off(width);
                    if let Some(last) = row.last_mut() {
                        for cell in extra.into_iter().filter(|c| !c.is_empty()) {
                            last.push(Inline::Text(" ".into()));
                            last.extend(cell);
                        }
                    }
                }
                row.resize(width, Vec::new());
                row
            })
            .collect();
        self.block(Block::Table { header, rows }, span, Vec::new());
    }
}
