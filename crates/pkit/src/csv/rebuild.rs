//! The rows of a CSV directory turned back into the JSON document they stand for, with the
//! place in the CSV of every value, so that validating the document locates each issue.

use rustc_hash::FxHashMap;

use super::layout::{is_derived, layout};
use super::source::{read_sheet, Files, ReadStop, Sheet};
use super::{file_name, located, REGISTRY_FILE};
use crate::error::Error;
use crate::issue::Location;
use crate::issue::{Code, Issue};
use crate::limits::Limits;
use crate::table::spec::{ColumnLayout, Origin, Parent};
use crate::table::TableName;

/// A CSV directory turned into a JSON document, with the location of every value.
pub(super) struct Rebuilt {
    pub(super) json: String,
    /// JSON Pointer → where it came from.
    pub(super) locations: FxHashMap<String, Location>,
    /// Issues found while reading the CSV itself (unknown files and columns, orphan rows).
    pub(super) issues: Vec<Issue>,
    /// Files in the order they sort issues.
    pub(super) file_rank: Vec<String>,
}

/// Reads the files of a CSV directory (or their copies in memory) into a JSON document.
pub(super) fn read(files: &impl Files, limits: &Limits) -> Result<Rebuilt, Error> {
    match read_sheets(files, limits) {
        Ok(read) => Ok(read),
        Err(ReadStop::Error(e)) => Err(e),
        Err(ReadStop::Alone(issue)) => Ok(Rebuilt {
            json: String::new(),
            locations: FxHashMap::default(),
            issues: vec![*issue],
            file_rank: Vec::new(),
        }),
    }
}

fn read_sheets(files: &impl Files, limits: &Limits) -> Result<Rebuilt, ReadStop> {
    let names = files.names().map_err(ReadStop::Error)?;
    let mut budget = limits.max_bytes;
    let mut issues = Vec::new();
    let known: Vec<String> = std::iter::once(REGISTRY_FILE.to_owned())
        .chain(TableName::ALL.iter().map(|&t| file_name(t)))
        .collect();
    let mut extra: Vec<String> = names
        .into_iter()
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv") && !known.contains(n))
        .collect();
    extra.sort();
    for name in &extra {
        issues.push(located(
            Issue::new(
                Code::UnknownField,
                "",
                format!(
                    "`{name}` is not a file of a pkit CSV directory; expected {}",
                    known.join(", ")
                ),
            ),
            name,
            1,
            None,
        ));
    }
    let Some(registry) = read_sheet(files, REGISTRY_FILE, &mut budget, limits)? else {
        return Err(ReadStop::Error(Error::Io {
            path: files.path(REGISTRY_FILE),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "a CSV registry needs registry.csv (schema_version, as_of)",
            ),
        }));
    };
    let mut sheets = Vec::new();
    for &table in TableName::ALL {
        if let Some(sheet) = read_sheet(files, &file_name(table), &mut budget, limits)? {
            sheets.push((table, sheet));
        }
    }
    let mut builder = DocumentWriter {
        issues,
        ..DocumentWriter::default()
    };
    builder.document(&registry, &sheets);
    let mut file_rank = known;
    file_rank.extend(extra);
    Ok(Rebuilt {
        json: String::from_utf8(builder.json)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        locations: builder.locations,
        issues: builder.issues,
        file_rank,
    })
}

/// Writes the JSON document and remembers where each value came from.
#[derive(Default)]
struct DocumentWriter {
    /// The document's bytes (UTF-8: cells are text and serde_json writes strings as UTF-8).
    json: Vec<u8>,
    locations: FxHashMap<String, Location>,
    issues: Vec<Issue>,
}

/// A header's columns matched to the table layout.
struct Columns {
    /// The table's document columns.
    layout: Vec<ColumnLayout>,
    /// For each layout column, its index in the header.
    index: Vec<Option<usize>>,
}

impl DocumentWriter {
    fn locate(&mut self, path: &str, file: &str, line: u64, column: Option<&str>) {
        self.locations
            .insert(path.to_owned(), Location::csv(file, line, column));
    }

    /// Writes a cell as a JSON value: a number when the column is numeric and the cell is a
    /// JSON number, a string otherwise.
    fn value(&mut self, cell: &str, number: bool) {
        if number && is_json_number(cell) {
            self.json.extend_from_slice(cell.as_bytes());
        } else {
            push_json_string(&mut self.json, cell);
        }
    }

    fn key(&mut self, first: &mut bool, key: &str) {
        if !*first {
            self.json.push(b',');
        }
        *first = false;
        push_json_string(&mut self.json, key);
        self.json.push(b':');
    }

    fn document(&mut self, registry: &Sheet, sheets: &[(TableName, Sheet)]) {
        self.json.push(b'{');
        let mut first = true;
        self.registry_row(registry, &mut first);
        // Each child row given to its parent (a company, an initiative), by the parent's id.
        let mut children: FxHashMap<TableName, Vec<Vec<(TableName, usize)>>> = FxHashMap::default();
        for (table, sheet) in sheets {
            if let Some(parent) = table.parent() {
                let owners = children.entry(parent.table()).or_insert_with(|| {
                    let rows = sheets
                        .iter()
                        .find(|(t, _)| *t == parent.table())
                        .map_or(0, |(_, s)| s.rows.len());
                    vec![Vec::new(); rows]
                });
                let ids = parent_ids(sheets, parent.table());
                self.give_to_parents(*table, sheet, parent, &ids, owners);
            }
        }
        let child_columns: Vec<(TableName, Columns)> = sheets
            .iter()
            .filter(|(t, _)| t.is_child())
            .map(|(t, sheet)| (*t, self.columns(*t, sheet)))
            .collect();
        for &table in TableName::ALL.iter().filter(|t| !t.is_child()) {
            let Some((_, sheet)) = sheets.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            let columns = self.columns(table, sheet);
            let owned = children.get(&table);
            // A table is named after the array of the document its records go to.
            self.key(&mut first, table.as_str());
            self.json.push(b'[');
            for (i, (line, row)) in sheet.rows.iter().enumerate() {
                if i > 0 {
                    self.json.push(b',');
                }
                let path = format!("/{}/{i}", table.as_str());
                let mut first = self.record(&columns, sheet, *line, row, &path);
                if let Some(rows) = owned.and_then(|o| o.get(i)) {
                    self.children(&path, &mut first, rows, sheets, &child_columns);
                }
                self.json.push(b'}');
            }
            self.json.push(b']');
        }
        self.json.push(b'}');
    }

    /// Gives each row of the child `sheet` to the parent its first column names; a row whose
    /// parent is not there is reported (it belongs to none).
    fn give_to_parents(
        &mut self,
        table: TableName,
        sheet: &Sheet,
        parent: Parent,
        ids: &FxHashMap<String, usize>,
        owners: &mut [Vec<(TableName, usize)>],
    ) {
        let column = parent.column();
        let parents = crate::csv::file_name(parent.table());
        let Some(c) = sheet.header.iter().position(|h| h == column) else {
            if !sheet.rows.is_empty() {
                self.issues.push(located(
                    Issue::new(Code::MissingField, "", format!("{} has no `{column}` column: its rows cannot be given to a parent in {parents}", sheet.file)),
                    &sheet.file,
                    1,
                    None,
                ));
            }
            return;
        };
        for (r, (line, row)) in sheet.rows.iter().enumerate() {
            let id = row.get(c).map_or("", String::as_str);
            match ids.get(id.trim()).and_then(|&p| owners.get_mut(p)) {
                Some(owner) => owner.push((table, r)),
                None => self.issues.push(located(
                    Issue::new(
                        Code::InvalidId,
                        "",
                        format!(
                            "no row of {parents} has the id `{}`: this row belongs to none",
                            crate::issue::shorten(id)
                        ),
                    ),
                    &sheet.file,
                    *line,
                    Some(column),
                )),
            }
        }
    }

    fn registry_row(&mut self, sheet: &Sheet, first: &mut bool) {
        let file = sheet.file.clone();
        let row = sheet.rows.first();
        let line = row.map_or(2, |(line, _)| *line);
        for name in ["schema_version", "as_of"] {
            let column = sheet.header.iter().any(|h| h == name).then_some(name);
            self.locate(&format!("/{name}"), &file, line, column);
        }
        let Some((_, row)) = row else {
            self.issues.push(located(
                Issue::new(
                    Code::MissingField,
                    "",
                    "registry.csv has no row: it needs schema_version and as_of",
                ),
                &file,
                2,
                None,
            ));
            return;
        };
        for (c, name) in sheet.header.iter().enumerate() {
            let cell = row.get(c).map_or("", String::as_str);
            match name.as_str() {
                "schema_version" | "as_of" if !cell.is_empty() => {
                    self.key(first, name);
                    self.value(cell, name == "schema_version");
                }
                "schema_version" | "as_of" => {}
                _ => self.issues.push(located(
                    Issue::new(
                        Code::UnknownField,
                        "",
                        format!(
                            "unknown column `{}` in registry.csv",
                            crate::issue::shorten(name)
                        ),
                    ),
                    &file,
                    1,
                    Some(name),
                )),
            }
        }
        for (line, _) in sheet.rows.iter().skip(1) {
            self.issues.push(located(
                Issue::new(
                    Code::UnknownField,
                    "",
                    "registry.csv has one row; this one is extra",
                ),
                &file,
                *line,
                None,
            ));
        }
    }

    /// Matches a sheet's header to the table layout; reports unknown and repeated columns.
    fn columns(&mut self, table: TableName, sheet: &Sheet) -> Columns {
        let layout = layout(table);
        let mut index = vec![None; layout.len()];
        for (c, name) in sheet.header.iter().enumerate() {
            match layout.iter().position(|c| c.name == name) {
                Some(k) if index[k].is_none() => index[k] = Some(c),
                Some(_) => self.issues.push(located(
                    Issue::new(
                        Code::DuplicateKey,
                        "",
                        format!(
                            "the column `{name}` appears twice in {}; only the first is read",
                            sheet.file
                        ),
                    ),
                    &sheet.file,
                    1,
                    Some(name),
                )),
                None if is_derived(table, name) => {}
                None => self.issues.push(located(
                    Issue::new(
                        Code::UnknownField,
                        "",
                        format!(
                            "unknown column `{}` in {}; expected {}",
                            crate::issue::shorten(name),
                            sheet.file,
                            layout.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
                        ),
                    ),
                    &sheet.file,
                    1,
                    Some(name),
                )),
            }
        }
        for (line, row) in &sheet.rows {
            if row.len() > sheet.header.len() {
                self.issues.push(located(
                    Issue::new(
                        Code::UnknownField,
                        "",
                        format!(
                            "this row has {} cells but the header names {}",
                            row.len(),
                            sheet.header.len()
                        ),
                    ),
                    &sheet.file,
                    *line,
                    None,
                ));
            }
        }
        Columns { layout, index }
    }

    /// Writes one record's fields without the closing `}` (companies get their children);
    /// returns true when it wrote no field.
    fn record(
        &mut self,
        columns: &Columns,
        sheet: &Sheet,
        line: u64,
        row: &[String],
        path: &str,
    ) -> bool {
        self.locate(path, &sheet.file, line, None);
        self.json.push(b'{');
        let layout = &columns.layout;
        let mut first = true;
        let cell = |k: usize| {
            columns.index[k]
                .and_then(|c| row.get(c))
                .filter(|s| !s.is_empty())
        };
        let mut k = 0;
        while k < layout.len() {
            let ColumnLayout {
                name,
                source,
                number,
            } = layout[k];
            match source {
                Origin::Parent(_) | Origin::Derived => {}
                Origin::Field(key) => {
                    if let Some(value) = cell(k) {
                        self.key(&mut first, key);
                        self.value(value, number);
                        self.locate(&format!("{path}/{key}"), &sheet.file, line, Some(name));
                    } else {
                        self.locate(
                            &format!("{path}/{key}"),
                            &sheet.file,
                            line,
                            columns.index[k].map(|_| name),
                        );
                    }
                }
                Origin::List(key) => {
                    if let Some(value) = cell(k) {
                        self.key(&mut first, key);
                        self.json.push(b'[');
                        for (j, item) in value.split(';').enumerate() {
                            if j > 0 {
                                self.json.push(b',');
                            }
                            self.value(item.trim(), false);
                            self.locate(
                                &format!("{path}/{key}/{j}"),
                                &sheet.file,
                                line,
                                Some(name),
                            );
                        }
                        self.json.push(b']');
                    }
                    self.locate(&format!("{path}/{key}"), &sheet.file, line, Some(name));
                }
                Origin::Nested(object, _) => {
                    // The run of columns of one nested object.
                    let end = (k..layout.len())
                        .find(|&j| !matches!(layout[j].source, Origin::Nested(o, _) if o == object))
                        .unwrap_or(layout.len());
                    let present: Vec<usize> = (k..end).filter(|&j| cell(j).is_some()).collect();
                    let object_path = format!("{path}/{object}");
                    self.locate(&object_path, &sheet.file, line, None);
                    if !present.is_empty() {
                        self.key(&mut first, object);
                        self.json.push(b'{');
                        let mut inner_first = true;
                        for (j, column) in layout.iter().enumerate().take(end).skip(k) {
                            let Origin::Nested(_, key) = column.source else {
                                continue;
                            };
                            let located_column = columns.index[j].map(|_| column.name);
                            if let Some(value) = cell(j) {
                                self.key(&mut inner_first, key);
                                self.value(value, false);
                            }
                            self.locate(
                                &format!("{object_path}/{key}"),
                                &sheet.file,
                                line,
                                located_column,
                            );
                        }
                        self.json.push(b'}');
                    }
                    k = end;
                    continue;
                }
            }
            k += 1;
        }
        first
    }

    fn children(
        &mut self,
        parent_path: &str,
        first: &mut bool,
        rows: &[(TableName, usize)],
        sheets: &[(TableName, Sheet)],
        child_columns: &[(TableName, Columns)],
    ) {
        for &table in TableName::ALL.iter().filter(|t| t.is_child()) {
            let mine: Vec<usize> = rows
                .iter()
                .filter(|(t, _)| *t == table)
                .map(|&(_, r)| r)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let Some((_, sheet)) = sheets.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            let Some((_, columns)) = child_columns.iter().find(|(t, _)| *t == table) else {
                continue;
            };
            self.key(first, table.as_str());
            self.json.push(b'[');
            for (j, &r) in mine.iter().enumerate() {
                if j > 0 {
                    self.json.push(b',');
                }
                let (line, row) = &sheet.rows[r];
                let path = format!("{parent_path}/{}/{j}", table.as_str());
                self.record(columns, sheet, *line, row, &path);
                self.json.push(b'}');
            }
            self.json.push(b']');
        }
    }
}

/// The row of each id in the sheet of `table` (the first, should one repeat).
fn parent_ids(sheets: &[(TableName, Sheet)], table: TableName) -> FxHashMap<String, usize> {
    let mut ids = FxHashMap::default();
    if let Some((_, sheet)) = sheets.iter().find(|(t, _)| *t == table) {
        let id_column = sheet.header.iter().position(|h| h == "id");
        for (i, (_, row)) in sheet.rows.iter().enumerate() {
            if let Some(id) = id_column.and_then(|c| row.get(c)) {
                // A stray space in an id is the parent's issue, not its children's.
                ids.entry(id.trim().to_owned()).or_insert(i);
            }
        }
    }
    ids
}

/// True when `s` is a JSON number literal (so `1.0` stays `1.0` and gets the JSON issues).
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Appends `s` as a JSON string, escaped by serde_json.
fn push_json_string(out: &mut Vec<u8>, s: &str) {
    // Writing to a `Vec` cannot fail.
    let _ = serde_json::to_writer(out, s);
}
