//! GitHub-style tables (pulldown-cmark's tables option) into `Block::Table`.

use std::ops::Range;

use selfhelp_bundle::{Block, Inline};

use super::{push_inline, tidy, Converter, Frame};
use crate::diagnostics::{codes, Diagnostic};

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
            .collect::<Vec<Vec<Vec<Inline>>>>();
        let rows = self.extra_cells(rows, width, &span);
        self.block(Block::Table { header, rows }, span, Vec::new());
    }

    /// GFM drops the cells of a row beyond the header's width without a word. Their source
    /// text is kept at the end of the row's last cell, and SH0108 says so.
    fn extra_cells(
        &mut self,
        mut rows: Vec<Vec<Vec<Inline>>>,
        width: usize,
        span: &Range<usize>,
    ) -> Vec<Vec<Vec<Inline>>> {
        let text = self.source.text.get(span.clone()).unwrap_or("");
        let mut offset = span.start;
        let mut row_index = 0;
        for (line_index, line) in text.split_inclusive('\n').enumerate() {
            let line_start = offset;
            offset += line.len();
            // Line 0 is the header and line 1 the delimiter row.
            if line_index < 2 || line.trim().is_empty() {
                continue;
            }
            let cells = split_cells(line);
            let extra: Vec<&str> = cells
                .iter()
                .skip(width)
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            if let (false, Some(row)) = (extra.is_empty(), rows.get_mut(row_index)) {
                if let Some(last) = row.last_mut() {
                    push_inline(last, Inline::Text(format!(" {}", extra.join(" "))));
                }
                let end = line_start + line.trim_end().len();
                self.diagnostics.push(
                    Diagnostic::warning(
                        codes::TABLE_ROW_TOO_WIDE,
                        format!(
                            "this table row has {} cells but the header has {width}",
                            cells.len()
                        ),
                        self.source,
                        line_start..end,
                        "the extra cells' text is added to the row's last cell",
                    )
                    .with_help("add header cells, or escape `|` inside cells as `\\|`"),
                );
            }
            row_index += 1;
        }
        rows
    }
}

/// The cells of a table row as GFM splits it: at every `|` not escaped with `\\` (even
/// inside a code span), without the optional outer pipes.
fn split_cells(line: &str) -> Vec<&str> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => {
                cells.push(line.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
    }
    cells.push(line.get(start..).unwrap_or(""));
    cells
}

#[cfg(test)]
mod tests {
    use super::split_cells;

    #[test]
    fn cells_split_at_unescaped_pipes() {
        assert_eq!(
            split_cells("| a | `b|c` | d\\|e |"),
            [" a ", " `b", "c` ", " d\\|e "]
        );
        assert_eq!(split_cells("a|b"), ["a", "b"]);
    }
}
