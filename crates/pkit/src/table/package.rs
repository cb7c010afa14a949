//! The Frictionless Data Package that describes an export: `datapackage.json`, written beside
//! the files of [`Registry::to_csv_dir`](crate::registry::Registry::to_csv_dir) (and of a
//! Parquet export), so that any Frictionless tool can read and check the tables without pkit.
//!
//! The package follows Data Package v2 (its `$schema`) and keeps the `profile` properties that
//! v1 readers look for (`tabular-data-package`, and `tabular-data-resource` beside v2's
//! `type: table`). It has one resource per table, and one for `registry.csv`; a table written
//! as several files (Hive partitions) is one resource with several paths. Each resource gives
//! its size and SHA-256, and a Table Schema.
//!
//! Each fact of a schema comes from its one home:
//! - the columns, in order, with or without the derived ones: [`super::spec`];
//! - what a column of a field may hold: the model's JSON Schema ([`crate::schema::registry`]),
//!   so its description, whether it is required (or defaulted, hence never empty in a table),
//!   its closed vocabulary (`vocabulary!`), its lengths, its integer range (`Unit::max`, ...)
//!   and, where it reads the same in every regex dialect, its pattern;
//! - what a derived column means: its declaration ([`super::spec::Derivation`]);
//! - the primary keys and the references between tables: here ([`primary_key`],
//!   [`REFERENCES`]), next to the list of the rules only `pkit validate` checks, which the
//!   package's description states.
//!
//! The text depends only on `as_of`, the format and the files' names and bytes: the same export
//! gives the same bytes (no clock, keys in a fixed order).

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::spec::{ColumnSpec, ColumnsOf, Origin, Parent};
use super::{ColumnKind, TableName};
use crate::issue::Code;
use crate::value::Date;

/// The name of the data package's file, at the top of the directory it describes.
pub(crate) const FILE: &str = "datapackage.json";

/// The resource name of `registry.csv`, the file of `schema_version` and `as_of`.
const REGISTRY: &str = "registry";

/// The profile of a v2 package.
const PACKAGE_SCHEMA: &str = "https://datapackage.org/profiles/2.0/datapackage.json";

/// Which files a data package describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PackageFormat {
    /// The CSV form: RFC 4180 files in UTF-8 with a header row and CRLF line ends, holding the
    /// document's columns only (derived columns are left out).
    Csv,
    /// The Parquet export: every column of the tables, derived ones included.
    Parquet,
}

impl PackageFormat {
    fn format(self) -> &'static str {
        match self {
            PackageFormat::Csv => "csv",
            PackageFormat::Parquet => "parquet",
        }
    }

    fn mediatype(self) -> &'static str {
        match self {
            PackageFormat::Csv => "text/csv",
            PackageFormat::Parquet => "application/vnd.apache.parquet",
        }
    }

    fn title(self) -> &'static str {
        match self {
            PackageFormat::Csv => "CSV",
            PackageFormat::Parquet => "Parquet",
        }
    }

    /// True when the files hold the derived columns too.
    fn with_derived(self) -> bool {
        self == PackageFormat::Parquet
    }
}

/// A data package being made: add each file as it is written, then take the text.
///
/// A file's resource is named by the first segment of its path, without the extension:
/// `companies.csv` and `exports/fiscal_year=FY2024-25/part-0.parquet` are rows of the tables
/// `companies` and `exports`, `registry.csv` is the registry file. Several files of one
/// table make one resource, their paths in the order they were added, its `bytes` and `hash`
/// those of the files one after the other. A Hive segment `column=value` between the table and
/// the file names a column that the files leave out. A file of no table (none are written
/// now) is described without a schema.
pub(crate) struct DataPackage {
    as_of: Date,
    format: PackageFormat,
    resources: Vec<Resource>,
}

/// One resource: a table, the registry file, or another file.
struct Resource {
    name: String,
    content: Content,
    paths: Vec<String>,
    /// Columns the files leave out (the keys of Hive partitions), in the order met.
    partitions: Vec<String>,
    bytes: u64,
    sha256: Sha256,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Registry,
    Table(TableName),
    Other,
}

impl DataPackage {
    /// An empty package of a registry of this `as_of`, for files of `format`.
    pub(crate) fn new(as_of: Date, format: PackageFormat) -> DataPackage {
        DataPackage {
            as_of,
            format,
            resources: Vec::new(),
        }
    }

    /// Adds the file at `path` (relative to the package's directory, `/`-separated) with its
    /// `bytes`: they are counted and hashed now, and not kept.
    pub(crate) fn add(&mut self, path: &str, bytes: &[u8]) {
        let segments: Vec<&str> = path.split('/').collect();
        let first = segments.first().copied().unwrap_or_default();
        let name = match segments.len() {
            1 => first.rsplit_once('.').map_or(first, |(stem, _)| stem),
            _ => first,
        };
        let name = resource_name(name);
        let at = match self.resources.iter().position(|r| r.name == name) {
            Some(at) => at,
            None => {
                let content = if name == REGISTRY {
                    Content::Registry
                } else {
                    name.parse().map_or(Content::Other, Content::Table)
                };
                self.resources.push(Resource {
                    name,
                    content,
                    paths: Vec::new(),
                    partitions: Vec::new(),
                    bytes: 0,
                    sha256: Sha256::new(),
                });
                self.resources.len() - 1
            }
        };
        let resource = &mut self.resources[at];
        resource.paths.push(path.to_owned());
        resource.bytes += bytes.len() as u64;
        resource.sha256.update(bytes);
        let inner = segments.get(1..segments.len().saturating_sub(1));
        for segment in inner.unwrap_or_default() {
            if let Some((column, _)) = segment.split_once('=') {
                if !resource.partitions.iter().any(|c| c == column) {
                    resource.partitions.push(column.to_owned());
                }
            }
        }
    }

    /// The text of `datapackage.json`: pretty JSON, keys in a fixed order, a final newline.
    pub(crate) fn to_json(&self) -> String {
        let schema = crate::schema::registry();
        let empty = Map::new();
        let defs = schema
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let present: Vec<&str> = self.resources.iter().map(|r| r.name.as_str()).collect();
        let resources = self
            .resources
            .iter()
            .map(|r| self.resource(r, &schema, defs, &present))
            .collect();
        let package = PackageJson {
            schema: PACKAGE_SCHEMA,
            profile: "tabular-data-package",
            name: "pkit-registry",
            title: format!("pkit registry as of {}", self.as_of),
            description: description(self.format, &self.resources),
            version: env!("CARGO_PKG_VERSION"),
            created: format!("{}T00:00:00Z", self.as_of),
            resources,
        };
        // Serializing plain structs, strings and numbers cannot fail.
        let mut text = serde_json::to_string_pretty(&package).unwrap_or_default();
        text.push('\n');
        text
    }

    fn resource(
        &self,
        resource: &Resource,
        schema: &Value,
        defs: &Map<String, Value>,
        present: &[&str],
    ) -> ResourceJson {
        let tabular = resource.content != Content::Other;
        let csv = self.format == PackageFormat::Csv;
        let path = match resource.paths.as_slice() {
            [one] => PathJson::One(one.clone()),
            many => PathJson::Many(many.to_vec()),
        };
        let (description, table_schema) = match resource.content {
            Content::Registry => (
                Some(
                    "The document's `schema_version` and `as_of`, in one row (only `pkit \
                     validate` checks that there is exactly one)."
                        .to_owned(),
                ),
                Some(registry_schema(schema, defs)),
            ),
            Content::Table(table) => {
                let fields = table.visit(Fields {
                    defs,
                    with_derived: self.format.with_derived(),
                    omit: &resource.partitions,
                });
                let text = table_description(table, defs, &resource.partitions);
                (Some(text), Some(table_schema(table, fields, present)))
            }
            Content::Other => (None, None),
        };
        ResourceJson {
            name: resource.name.clone(),
            kind: tabular.then_some("table"),
            profile: tabular.then_some("tabular-data-resource"),
            path,
            description,
            format: tabular.then_some(self.format.format()),
            mediatype: tabular.then_some(self.format.mediatype()),
            encoding: (csv && tabular).then_some("utf-8"),
            dialect: (csv && tabular).then_some(CSV_DIALECT),
            bytes: resource.bytes,
            hash: format!("sha256:{}", hex(&resource.sha256.clone().finalize())),
            schema: table_schema,
        }
    }
}

/// `name` as a resource name: lower case ASCII letters, digits, `.`, `-` and `_`.
fn resource_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '.' | '-' | '_') => c,
            _ => '-',
        })
        .collect();
    if name.is_empty() {
        "file".to_owned()
    } else {
        name
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(text, "{b:02x}");
    }
    text
}

// ------------------------------------------------------------------------------ the JSON

/// The package descriptor, its keys in this order.
#[derive(Serialize)]
struct PackageJson {
    #[serde(rename = "$schema")]
    schema: &'static str,
    profile: &'static str,
    name: &'static str,
    title: String,
    description: String,
    version: &'static str,
    created: String,
    resources: Vec<ResourceJson>,
}

#[derive(Serialize)]
struct ResourceJson {
    name: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<&'static str>,
    path: PathJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mediatype: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dialect: Option<DialectJson>,
    bytes: u64,
    hash: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: Option<SchemaJson>,
}

/// One path, or several (a partitioned table).
#[derive(Serialize)]
#[serde(untagged)]
enum PathJson {
    One(String),
    Many(Vec<String>),
}

/// The CSV dialect, as `csv/write.rs` writes: the defaults of Table Dialect, stated.
#[derive(Serialize, Clone, Copy)]
struct DialectJson {
    delimiter: &'static str,
    #[serde(rename = "lineTerminator")]
    line_terminator: &'static str,
    #[serde(rename = "quoteChar")]
    quote_char: &'static str,
    #[serde(rename = "doubleQuote")]
    double_quote: bool,
    header: bool,
}

const CSV_DIALECT: DialectJson = DialectJson {
    delimiter: ",",
    line_terminator: "\r\n",
    quote_char: "\"",
    double_quote: true,
    header: true,
};

#[derive(Serialize)]
struct SchemaJson {
    fields: Vec<FieldJson>,
    /// The CSV writer writes a null (an absent optional field) as an empty cell; no text of
    /// the model is empty.
    #[serde(rename = "missingValues")]
    missing_values: [&'static str; 1],
    #[serde(rename = "primaryKey", skip_serializing_if = "Vec::is_empty")]
    primary_key: Vec<&'static str>,
    #[serde(rename = "foreignKeys", skip_serializing_if = "Vec::is_empty")]
    foreign_keys: Vec<ForeignKeyJson>,
}

#[derive(Serialize)]
struct FieldJson {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Constraints::is_empty")]
    constraints: Constraints,
}

#[derive(Serialize, Default)]
struct Constraints {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(rename = "minLength", skip_serializing_if = "Option::is_none")]
    min_length: Option<u64>,
    #[serde(rename = "maxLength", skip_serializing_if = "Option::is_none")]
    max_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minimum: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maximum: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<String>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    words: Option<Vec<Value>>,
}

impl Constraints {
    fn is_empty(&self) -> bool {
        !self.required
            && self.min_length.is_none()
            && self.max_length.is_none()
            && self.minimum.is_none()
            && self.maximum.is_none()
            && self.pattern.is_none()
            && self.words.is_none()
    }
}

#[derive(Serialize)]
struct ForeignKeyJson {
    fields: Vec<&'static str>,
    reference: ReferenceJson,
}

#[derive(Serialize)]
struct ReferenceJson {
    resource: &'static str,
    fields: Vec<&'static str>,
}

// ------------------------------------------------------------------------------ keys

/// The columns that identify a row of `table`, as `pkit validate` holds them unique (ids;
/// the ids of leads and agreements within their company; a participant's company within its
/// initiative; the duplicate-record keys of awards and headcounts, whose columns are all
/// required). Tables whose duplicates compare optional or normalised values (exports,
/// certificate numbers, observations' vintages) have none: `pkit validate` checks them.
pub(crate) fn primary_key(table: TableName) -> &'static [&'static str] {
    match table {
        TableName::Companies | TableName::Targets | TableName::Initiatives | TableName::Claims => {
            &["id"]
        }
        TableName::Leads | TableName::Agreements => &["company_id", "id"],
        TableName::Participants => &["initiative_id", "company"],
        TableName::Headcounts => &["initiative_id", "metric", "reported_by"],
        TableName::Awards => &["company_id", "program", "year", "category", "entry"],
        TableName::Offices
        | TableName::Certifications
        | TableName::Exports
        | TableName::Observations
        | TableName::Rankings => &[],
    }
}

/// The columns, other than a child table's parent column, that hold the `id` of a row of
/// another table (`unknown_initiative`, `unknown_company`). An agreement's `lead` names a lead
/// of the same company, a key of two columns of which the agreement may hold only one: it is
/// left to `pkit validate` (`unknown_lead`).
pub(crate) const REFERENCES: &[(TableName, &str, TableName)] = &[
    (TableName::Offices, "initiative", TableName::Initiatives),
    (TableName::Leads, "initiative", TableName::Initiatives),
    (TableName::Agreements, "initiative", TableName::Initiatives),
    (TableName::Participants, "company", TableName::Companies),
    (TableName::Claims, "initiative", TableName::Initiatives),
];

/// The Table Schema of `table`: its fields, its primary key and its references to the
/// resources of the package (of `present`) whose key columns are there.
fn table_schema(table: TableName, fields: Vec<FieldJson>, present: &[&str]) -> SchemaJson {
    let has = |column: &str| fields.iter().any(|f| f.name == column);
    let key = primary_key(table);
    let own_key = if key.iter().all(|c| has(c)) {
        key.to_vec()
    } else {
        Vec::new()
    };
    let parent = table.parent().map(|p| (p.column(), p.table()));
    let references = REFERENCES
        .iter()
        .filter(|(from, _, _)| *from == table)
        .map(|&(_, column, to)| (column, to));
    let foreign_keys = parent
        .into_iter()
        .chain(references)
        .filter(|&(column, to)| has(column) && present.contains(&to.as_str()))
        .map(|(column, to)| ForeignKeyJson {
            fields: vec![column],
            reference: ReferenceJson {
                resource: to.as_str(),
                fields: primary_key(to).to_vec(),
            },
        })
        .collect();
    SchemaJson {
        fields,
        missing_values: [""],
        primary_key: own_key,
        foreign_keys,
    }
}

// ------------------------------------------------------------------------------ the fields

/// The fields of a table, from its columns and its record's JSON Schema.
struct Fields<'a> {
    defs: &'a Map<String, Value>,
    with_derived: bool,
    /// Columns the files leave out.
    omit: &'a [String],
}

impl ColumnsOf for Fields<'_> {
    type Out = Vec<FieldJson>;

    fn of<R: schemars::JsonSchema>(self, columns: &'static [ColumnSpec<R>]) -> Vec<FieldJson> {
        let record = record_schema(self.defs, &R::schema_name());
        columns
            .iter()
            .filter(|c| self.with_derived || c.source != Origin::Derived)
            .filter(|c| !self.omit.iter().any(|o| o == c.name))
            .map(|c| column_field(c, &record, self.defs))
            .collect()
    }
}

/// The name of a table's record in the JSON Schema (`Company`).
struct RecordName;

impl ColumnsOf for RecordName {
    type Out = String;

    fn of<R: schemars::JsonSchema>(self, _: &'static [ColumnSpec<R>]) -> String {
        R::schema_name().into_owned()
    }
}

/// The definition `name` of the JSON Schema, flattened.
fn record_schema(defs: &Map<String, Value>, name: &str) -> Map<String, Value> {
    defs.get(name)
        .map(|d| flatten(d, defs, 0))
        .unwrap_or_default()
}

/// The property `name` of a flattened object schema, flattened.
fn property(
    object: &Map<String, Value>,
    name: &str,
    defs: &Map<String, Value>,
) -> Map<String, Value> {
    object
        .get("properties")
        .and_then(|p| p.get(name))
        .map(|p| flatten(p, defs, 0))
        .unwrap_or_default()
}

/// True when the flattened object schema requires `name`, or gives it a default (which the
/// tables write out, so the column is never empty).
fn required(object: &Map<String, Value>, name: &str, defs: &Map<String, Value>) -> bool {
    let listed = object
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|r| r.iter().any(|n| n == name));
    listed || property(object, name, defs).contains_key("default")
}

/// A schema's keywords, with those of what it refers to (`$ref`) and of its one alternative
/// that is not `null` (`anyOf`) under them; several alternatives that are all enums are one
/// enum of their words (a region: a country or a subdivision).
fn flatten(schema: &Value, defs: &Map<String, Value>, depth: u8) -> Map<String, Value> {
    let mut out = Map::new();
    let Some(object) = schema.as_object() else {
        return out;
    };
    if depth > 8 {
        return out;
    }
    if let Some(def) = object
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .and_then(|name| defs.get(name))
    {
        out.extend(flatten(def, defs, depth + 1));
    }
    for key in ["anyOf", "oneOf"] {
        let Some(branches) = object.get(key).and_then(Value::as_array) else {
            continue;
        };
        let branches: Vec<Map<String, Value>> = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .map(|b| flatten(b, defs, depth + 1))
            .collect();
        match branches.as_slice() {
            [one] => out.extend(one.clone()),
            many if many
                .iter()
                .all(|b| b.get("enum").is_some_and(Value::is_array)) =>
            {
                let words: Vec<Value> = many
                    .iter()
                    .filter_map(|b| b.get("enum").and_then(Value::as_array))
                    .flatten()
                    .cloned()
                    .collect();
                out.insert("enum".to_owned(), Value::Array(words));
            }
            _ => {}
        }
    }
    for (key, value) in object {
        if !matches!(key.as_str(), "$ref" | "anyOf" | "oneOf") {
            out.insert(key.clone(), value.clone());
        }
    }
    if let Some(one) = out.remove("const") {
        out.insert("enum".to_owned(), Value::Array(vec![one]));
    }
    out
}

/// The field of one column.
fn column_field<R>(
    column: &ColumnSpec<R>,
    record: &Map<String, Value>,
    defs: &Map<String, Value>,
) -> FieldJson {
    let kind = column.cells.kind();
    let mut constraints = Constraints::default();
    let mut description = None;
    match column.source {
        Origin::Field(name) => {
            let facts = property(record, name, defs);
            constrain(kind, &facts, &mut constraints);
            constraints.required = required(record, name, defs);
            description = text_of(&facts);
        }
        Origin::Nested(object, key) => {
            let outer = property(record, object, defs);
            let facts = property(&outer, key, defs);
            constrain(kind, &facts, &mut constraints);
            constraints.required = required(record, object, defs) && required(&outer, key, defs);
            description = text_of(&facts);
        }
        Origin::List(name) => {
            let facts = property(record, name, defs);
            let items = facts
                .get("items")
                .map(|i| flatten(i, defs, 0))
                .unwrap_or_default();
            let mut item = Constraints::default();
            constrain(kind, &items, &mut item);
            let item = match (item.words, item.pattern) {
                (Some(words), _) => Some(alternatives(&words)),
                (None, Some(pattern)) => Some(pattern),
                (None, None) => None,
            };
            constraints.pattern = item.map(|i| format!("({i})(;({i}))*"));
            description = text_of(&facts).map(|d| format!("{d} The values, joined by `;`."));
        }
        Origin::Parent(parent) => {
            let name = parent.table().visit(RecordName);
            let facts = property(&record_schema(defs, &name), "id", defs);
            constrain(kind, &facts, &mut constraints);
            constraints.required = true;
            description = Some(match parent {
                Parent::Company => "The `id` of the company the row belongs to.".to_owned(),
                Parent::Initiative => "The `id` of the initiative the row belongs to.".to_owned(),
            });
        }
        Origin::Derived => {
            constraints.required = true;
            if let Some(about) = column.about {
                description = Some(format!("Derived: {}", about.description));
                constraints.words = about
                    .vocabulary
                    .map(|words| words().into_iter().map(Value::from).collect());
            }
        }
    }
    if kind == ColumnKind::Date && column.source != Origin::Derived {
        constraints.minimum = Some(Value::from(Date::MIN.to_string()));
        constraints.maximum = Some(Value::from(Date::MAX.to_string()));
    }
    FieldJson {
        name: column.name.to_owned(),
        kind: type_name(kind),
        description,
        constraints,
    }
}

/// The fields of `registry.csv`, from the document's own schema.
fn registry_schema(schema: &Value, defs: &Map<String, Value>) -> SchemaJson {
    let document = flatten(schema, defs, 0);
    let fields = [
        ("schema_version", ColumnKind::UInt),
        ("as_of", ColumnKind::Date),
    ]
    .into_iter()
    .map(|(name, kind)| {
        let facts = property(&document, name, defs);
        let mut constraints = Constraints::default();
        constrain(kind, &facts, &mut constraints);
        constraints.required = required(&document, name, defs);
        if kind == ColumnKind::Date {
            constraints.minimum = Some(Value::from(Date::MIN.to_string()));
            constraints.maximum = Some(Value::from(Date::MAX.to_string()));
        }
        FieldJson {
            name: name.to_owned(),
            kind: type_name(kind),
            description: text_of(&facts),
            constraints,
        }
    })
    .collect();
    SchemaJson {
        fields,
        missing_values: [""],
        primary_key: Vec::new(),
        foreign_keys: Vec::new(),
    }
}

/// The Table Schema type of a column kind.
fn type_name(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Text => "string",
        ColumnKind::UInt => "integer",
        ColumnKind::Date => "date",
        ColumnKind::Bool => "boolean",
    }
}

/// A schema's description, its white space collapsed.
fn text_of(facts: &Map<String, Value>) -> Option<String> {
    facts
        .get("description")
        .and_then(Value::as_str)
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The constraints of a JSON Schema that a Table Schema field of `kind` states the same way:
/// an enum, lengths and a pattern of text; the range and enum of an integer.
fn constrain(kind: ColumnKind, facts: &Map<String, Value>, constraints: &mut Constraints) {
    let number = |key: &str| facts.get(key).filter(|v| v.is_u64()).cloned();
    let words = facts.get("enum").and_then(Value::as_array);
    match kind {
        ColumnKind::Text => {
            if let Some(words) = words.filter(|w| w.iter().all(Value::is_string)) {
                constraints.words = Some(words.clone());
                return;
            }
            constraints.min_length = facts.get("minLength").and_then(Value::as_u64);
            constraints.max_length = facts.get("maxLength").and_then(Value::as_u64);
            constraints.pattern = facts
                .get("pattern")
                .and_then(Value::as_str)
                .and_then(whole_match);
        }
        ColumnKind::UInt => {
            constraints.minimum = number("minimum");
            constraints.maximum = number("maximum");
            if let Some(words) = words.filter(|w| w.iter().all(Value::is_u64)) {
                constraints.words = Some(words.clone());
            }
        }
        ColumnKind::Date | ColumnKind::Bool => {}
    }
}

/// A JSON Schema `pattern` (ECMA-262, found anywhere in the value) as a Table Schema pattern
/// (matched against the whole value): the part between `^` and `$`, when it reads the same in
/// the regex dialects Frictionless tools use (XML Schema, Python, JavaScript). `None` for a
/// pattern that is not anchored at both ends, has an alternative outside any group, or uses
/// escapes or groups beyond the common ones (`\u0000`, `(?`): its rule is left to `pkit
/// validate` (the text rules are, for example).
fn whole_match(pattern: &str) -> Option<String> {
    let body = pattern.strip_prefix('^')?.strip_suffix('$')?;
    let (mut depth, mut in_class) = (0usize, false);
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if "sSdD.-\\/^$|?*+()[]{}".contains(e) => {}
                _ => return None,
            },
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => {
                if chars.peek() == Some(&'?') {
                    return None;
                }
                depth += 1;
            }
            ')' if !in_class => depth = depth.checked_sub(1)?,
            '|' | '^' | '$' if !in_class && depth == 0 => return None,
            _ => {}
        }
    }
    (depth == 0 && !in_class).then(|| body.to_owned())
}

/// A pattern matching exactly one of `words` (strings).
fn alternatives(words: &[Value]) -> String {
    let words: Vec<String> = words
        .iter()
        .filter_map(Value::as_str)
        .map(|w| {
            w.chars().fold(String::new(), |mut out, c| {
                if ".^$|?*+()[]{}\\".contains(c) {
                    out.push('\\');
                }
                out.push(c);
                out
            })
        })
        .collect();
    words.join("|")
}

// ------------------------------------------------------------------------------ descriptions

/// What the schemas state, each with the codes of `pkit validate` that it restates (in part,
/// for some).
const RESTATED: &[(&str, &[Code])] = &[
    (
        "types",
        &[Code::InvalidType, Code::InvalidDate, Code::InvalidAmount],
    ),
    ("required values", &[Code::MissingField]),
    (
        "closed vocabularies",
        &[
            Code::InvalidEnum,
            Code::InvalidCountry,
            Code::InvalidRegion,
            Code::UnsupportedVersion,
        ],
    ),
    ("lengths", &[Code::EmptyText, Code::TextTooLong]),
    (
        "the patterns of ids, keys, periods, identifiers and e-mail addresses",
        &[
            Code::InvalidId,
            Code::InvalidKey,
            Code::InvalidPeriod,
            Code::InvalidNtn,
            Code::InvalidCuin,
            Code::InvalidLei,
            Code::InvalidEmail,
        ],
    ),
    (
        "the ranges of amounts, counts, years and levels",
        &[Code::OutOfRange],
    ),
    ("primary keys", &[Code::DuplicateId, Code::DuplicateRecord]),
    (
        "references to companies and initiatives",
        &[Code::UnknownCompany, Code::UnknownInitiative],
    ),
];

/// What only `pkit validate` checks (SPEC §1 and §2), each with its codes.
const VALIDATE_ONLY: &[(&str, &[Code])] = &[
    (
        "dates and periods against `as_of`",
        &[Code::DateInFuture, Code::PeriodInFuture],
    ),
    (
        "dates against each other, against a company's founding and an initiative's start, and \
         certificates' longest validity",
        &[
            Code::DateOrder,
            Code::BeforeFounding,
            Code::BeforeInitiative,
            Code::ValidityTooLong,
        ],
    ),
    (
        "the editions of each certification scheme and their transitions",
        &[
            Code::UnknownEdition,
            Code::BeyondTransition,
            Code::EditionWithdrawn,
        ],
    ),
    (
        "fields that depend on another, such as a CMMI level and appraisal, the name of an \
         `other` program, a pavilion's host event, a claim's initiative or period, the \
         `closed_on` of a closed lead, `out_of` at least `rank`, values by indicator or metric \
         and subsidies within the public cost",
        &[
            Code::MissingField,
            Code::LevelNotApplicable,
            Code::NotApplicable,
            Code::OutOfRange,
        ],
    ),
    (
        "duplicates beyond the primary keys, of identifiers, list values, export records, \
         certificate numbers and observations' vintages, and overlapping export periods",
        &[
            Code::DuplicateIdentifier,
            Code::DuplicateValue,
            Code::DuplicateRecord,
            Code::OverlappingPeriods,
        ],
    ),
    (
        "an agreement's lead within its company, and credited initiatives being held",
        &[Code::UnknownLead, Code::InitiativeNotHeld],
    ),
    ("attribution windows", &[Code::OutsideAttributionWindow]),
    ("totals against their parts", &[Code::InconsistentTotal]),
    (
        "blank text, control characters in text, URLs and LEI check digits",
        &[
            Code::EmptyText,
            Code::InvalidText,
            Code::InvalidUrl,
            Code::InvalidLei,
        ],
    ),
    (
        "offices and counterparties in Pakistan, values on non-binding agreements and APICTA \
         categories",
        &[
            Code::DomesticOffice,
            Code::DomesticCounterparty,
            Code::ValueOnNonBinding,
            Code::UnknownCategory,
        ],
    ),
    (
        "the files themselves, such as unknown files and columns, the one row of registry.csv \
         and sizes",
        &[
            Code::LimitExceeded,
            Code::InvalidJson,
            Code::UnknownField,
            Code::DuplicateKey,
        ],
    ),
];

/// A list of phrases, each with its codes: `phrase (`a`, `b`); phrase (`c`)`.
fn with_codes(list: &[(&str, &[Code])]) -> String {
    list.iter()
        .map(|(phrase, codes)| {
            let codes: Vec<String> = codes.iter().map(|c| format!("`{}`", c.as_str())).collect();
            format!("{phrase} ({})", codes.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The package's description: what it holds, what its schemas check, what they leave to `pkit
/// validate`.
fn description(format: PackageFormat, resources: &[Resource]) -> String {
    let registry = resources.iter().any(|r| r.content == Content::Registry);
    let holds = if registry {
        "one file per table, and `registry.csv` with `schema_version` and `as_of`"
    } else {
        "one file (or one folder of Hive partitions) per table"
    };
    let columns = if format.with_derived() {
        "every column, the derived ones included"
    } else {
        "the document's columns (the derived ones are left out; the document can be rebuilt \
         from them)"
    };
    format!(
        "A pkit registry in {}: {holds}, holding {columns}. Written by pkit {}, from the same \
         declarations as its CSV reader and JSON Schema. The schemas check each value on its \
         own and each table as a whole, restating what pkit reports as: {}. Only `pkit \
         validate` checks the rules that relate values: {}. Every registry pkit writes passes \
         this package; a directory that passes it may still fail `pkit validate`.",
        format.title(),
        env!("CARGO_PKG_VERSION"),
        with_codes(RESTATED),
        with_codes(VALIDATE_ONLY),
    )
}

/// A table resource's description: its record's, what a row is, and the partitions.
fn table_description(table: TableName, defs: &Map<String, Value>, partitions: &[String]) -> String {
    let name = table.visit(RecordName);
    let record = record_schema(defs, &name);
    let mut text = text_of(&record).unwrap_or_default();
    if let Some(parent) = table.parent() {
        let _ = write!(
            text,
            " One row per record, {parent} by {parent} in document order; `{}` names the \
             {parent}.",
            parent.column(),
            parent = match parent {
                Parent::Company => "company",
                Parent::Initiative => "initiative",
            }
        );
    } else {
        text.push_str(" One row per record, in document order.");
    }
    if !partitions.is_empty() {
        let _ = write!(
            text,
            " Partitioned Hive-style by {}: the files leave the column out and their paths name \
             its value.",
            partitions
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    text.trim_start().to_owned()
}

#[cfg(test)]
mod tests {
    // Test helpers may fail loudly: a broken fixture is a failed test.
    #![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::registry::Registry;

    /// The CSV form's package of `registry`, parsed, with the files it describes.
    fn csv_package(registry: &Registry) -> (Value, Vec<(String, String)>) {
        let files = registry.to_csv_files();
        let (name, text) = files.last().expect("files");
        assert_eq!(name, FILE);
        (serde_json::from_str(text).expect("JSON"), files)
    }

    fn resource_named<'a>(package: &'a Value, name: &str) -> &'a Value {
        package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("no resource {name}"))
    }

    fn field<'a>(resource: &'a Value, name: &str) -> &'a Value {
        resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("no field {name}"))
    }

    fn texts(words: &[&str]) -> Value {
        Value::from(words.to_vec())
    }

    #[test]
    fn patterns_are_kept_only_where_every_dialect_reads_them_alike() {
        assert_eq!(
            whole_match("^[a-z0-9]+(-[a-z0-9]+)*$").as_deref(),
            Some("[a-z0-9]+(-[a-z0-9]+)*")
        );
        assert_eq!(
            whole_match("^[0-9]{7}(-[0-9])?$").as_deref(),
            Some("[0-9]{7}(-[0-9])?")
        );
        assert_eq!(
            whole_match("^(FY19|2024|2024-Q[1-4])$").as_deref(),
            Some("(FY19|2024|2024-Q[1-4])")
        );
        assert_eq!(
            whole_match(r"^[^@\s]+@[^@\s.]*\.[^@\s]*$").as_deref(),
            Some(r"[^@\s]+@[^@\s.]*\.[^@\s]*")
        );
        // Not anchored at the end, an alternative at the top, `\u` escapes, lookarounds.
        assert_eq!(whole_match("^[hH][tT][tT][pP][sS]?://[^/?#\\s]+"), None);
        assert_eq!(whole_match("^a|b$"), None);
        assert_eq!(whole_match("^[^\\u0000-\\u001F]*$"), None);
        assert_eq!(whole_match("^(?=a)a$"), None);
        assert_eq!(whole_match("^a\\$"), None);
        assert_eq!(whole_match("^(a$"), None);
        assert_eq!(whole_match("^a)$"), None);
        assert_eq!(whole_match("a$"), None);
    }

    #[test]
    fn words_are_escaped_into_alternatives() {
        assert_eq!(
            alternatives(&[Value::from("a_b"), Value::from("PK-PB")]),
            "a_b|PK-PB"
        );
        assert_eq!(
            alternatives(&[Value::from("1.3"), Value::from("x")]),
            r"1\.3|x"
        );
    }

    #[test]
    fn every_csv_column_is_a_field_in_order_with_its_type() {
        let sample = Registry::sample();
        let (package, files) = csv_package(&sample);
        let names: Vec<&str> = package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        let mut want = vec![REGISTRY];
        want.extend(TableName::ALL.iter().map(|t| t.as_str()));
        assert_eq!(names, want, "one resource per file, in the files' order");
        for table in sample.tables() {
            let resource = resource_named(&package, table.name().as_str());
            let fields = resource["schema"]["fields"].as_array().unwrap();
            let columns: Vec<_> = table.columns().iter().filter(|c| !c.is_derived()).collect();
            let got: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            let want: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            assert_eq!(got, want, "{}", table.name());
            // The CSV header says the same.
            let (_, text) = files
                .iter()
                .find(|(n, _)| *n == format!("{}.csv", table.name()))
                .unwrap();
            assert_eq!(text.split("\r\n").next().unwrap(), want.join(","));
            for (f, c) in fields.iter().zip(&columns) {
                assert_eq!(
                    f["type"],
                    type_name(c.kind()),
                    "{}.{}",
                    table.name(),
                    c.name()
                );
                assert!(
                    f["description"].is_string(),
                    "{}.{}",
                    table.name(),
                    c.name()
                );
            }
            assert_eq!(resource["path"], format!("{}.csv", table.name()));
            assert_eq!(resource["type"], "table");
            assert_eq!(resource["profile"], "tabular-data-resource");
            assert_eq!(resource["schema"]["missingValues"], texts(&[""]));
        }
        let registry = resource_named(&package, REGISTRY);
        assert_eq!(
            field(registry, "schema_version")["constraints"]["enum"],
            Value::from(vec![1])
        );
        assert_eq!(field(registry, "as_of")["type"], "date");
    }

    #[test]
    fn a_parquet_package_has_the_derived_columns_and_leaves_partition_columns_out() {
        let mut package = DataPackage::new(Registry::sample().as_of(), PackageFormat::Parquet);
        package.add("companies.parquet", b"PAR1");
        package.add("exports/fiscal_year=FY2022-23/part-0.parquet", b"one");
        package.add("exports/fiscal_year=FY2023-24/part-0.parquet", b"two");
        package.add("certifications.parquet", b"");
        let package: Value = serde_json::from_str(&package.to_json()).unwrap();
        let certifications = resource_named(&package, "certifications");
        assert_eq!(certifications["format"], "parquet");
        assert!(certifications.get("dialect").is_none());
        assert!(certifications.get("encoding").is_none());
        let status = field(certifications, "derived_status");
        assert_eq!(status["constraints"]["required"], true);
        let words: Vec<&str> = crate::model::DerivedStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .collect();
        assert_eq!(status["constraints"]["enum"], texts(&words));
        assert!(field(certifications, "effective_expiry")["description"]
            .as_str()
            .unwrap()
            .starts_with("Derived: "));
        let exports = resource_named(&package, "exports");
        assert_eq!(
            exports["path"],
            texts(&[
                "exports/fiscal_year=FY2022-23/part-0.parquet",
                "exports/fiscal_year=FY2023-24/part-0.parquet"
            ])
        );
        assert_eq!(exports["bytes"], 6);
        let both = hex(&Sha256::digest(b"onetwo"));
        assert_eq!(exports["hash"], format!("sha256:{both}"));
        let names: Vec<&str> = exports["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "company_id",
                "period",
                "amount_usd",
                "market",
                "service",
                "period_start",
                "period_end"
            ]
        );
        assert!(exports["description"]
            .as_str()
            .unwrap()
            .contains("`fiscal_year`"));
        // Only resources in the package are referred to.
        let keys = &exports["schema"]["foreignKeys"];
        assert_eq!(keys[0]["reference"]["resource"], "companies");
        let description = package["description"].as_str().unwrap();
        assert!(description.contains("in Parquet"), "{description}");
        assert!(!description.contains("registry.csv`"), "{description}");
    }

    #[test]
    fn hashes_and_sizes_are_the_files() {
        let (package, files) = csv_package(&Registry::sample());
        for (name, text) in &files[..files.len() - 1] {
            let stem = name.trim_end_matches(".csv");
            let resource = resource_named(&package, stem);
            assert_eq!(resource["path"], name.as_str());
            assert_eq!(resource["bytes"], text.len());
            let digest = hex(&Sha256::digest(text.as_bytes()));
            assert_eq!(resource["hash"], format!("sha256:{digest}"), "{name}");
            assert_eq!(resource["encoding"], "utf-8");
            assert_eq!(resource["mediatype"], "text/csv");
            assert_eq!(resource["dialect"]["lineTerminator"], "\r\n");
        }
        // A known value: SHA-256 of nothing.
        assert_eq!(
            hex(&Sha256::digest(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn vocabularies_become_enums() {
        let (package, _) = csv_package(&Registry::sample());
        let words = |all: Vec<&'static str>| texts(&all);
        let certifications = resource_named(&package, "certifications");
        assert_eq!(
            field(certifications, "scheme")["constraints"]["enum"],
            words(
                crate::model::Scheme::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect()
            )
        );
        let companies = resource_named(&package, "companies");
        assert_eq!(
            field(companies, "legal_form")["constraints"]["enum"],
            words(
                crate::model::LegalForm::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect()
            )
        );
        // A defaulted field is never empty in the tables.
        assert_eq!(
            field(certifications, "status")["constraints"]["required"],
            true
        );
        assert!(field(certifications, "appraisal")["constraints"]
            .get("required")
            .is_none());
        // A region is a country or a subdivision.
        let observations = resource_named(&package, "observations");
        let regions = field(observations, "region")["constraints"]["enum"]
            .as_array()
            .unwrap();
        assert!(regions.contains(&Value::from("PK-PB")) && regions.contains(&Value::from("US")));
        assert!(!regions.contains(&Value::from("XX")));
        // A list of words is a pattern of them.
        let services = field(companies, "services")["constraints"]["pattern"]
            .as_str()
            .unwrap();
        assert!(services.starts_with("(software_development|"), "{services}");
        assert!(services.contains(")(;(software_development|"), "{services}");
        assert!(services.ends_with("))*"), "{services}");
        // Amounts have the model's limits.
        let exports = resource_named(&package, "exports");
        let amount = &field(exports, "amount_usd")["constraints"];
        assert_eq!(amount["minimum"], 0);
        assert_eq!(amount["maximum"], crate::model::Unit::Usd.max());
        assert_eq!(amount["required"], true);
        let employees = &field(companies, "employees")["constraints"];
        assert_eq!(employees["maximum"], crate::model::MAX_EMPLOYEES);
        // Ids keep their pattern; free text keeps its lengths only.
        let id = &field(companies, "id")["constraints"];
        assert_eq!(id["pattern"], "[a-z0-9]+(-[a-z0-9]+)*");
        let name = &field(companies, "legal_name")["constraints"];
        assert_eq!(
            (&name["minLength"], &name["maxLength"]),
            (&Value::from(1), &Value::from(200))
        );
        assert!(name.get("pattern").is_none());
        // Nested fields: required only when their object is.
        assert_eq!(
            field(companies, "headquarters_city")["constraints"]["required"],
            true
        );
        assert!(field(companies, "ntn")["constraints"]
            .get("required")
            .is_none());
        assert_eq!(
            field(companies, "ntn")["constraints"]["pattern"],
            "[0-9]{7}(-[0-9])?"
        );
    }

    #[test]
    fn every_cell_of_generated_registries_keeps_to_its_field() {
        for registry in [Registry::sample(), crate::generate::synthetic(120, 7)] {
            let (package, _) = csv_package(&registry);
            for table in registry.tables() {
                let resource = resource_named(&package, table.name().as_str());
                for column in table.columns().iter().filter(|c| !c.is_derived()) {
                    let constraints = &field(resource, column.name())["constraints"];
                    let required = constraints["required"] == true;
                    let words = constraints["enum"].as_array();
                    for row in 0..table.rows() {
                        let cell = column.values().cell(row);
                        let at = || format!("{}.{} row {row}", table.name(), column.name());
                        match (&cell, required) {
                            (None, true) => panic!("{}: required but empty", at()),
                            (Some(text), _) if text.is_empty() => panic!("{}: empty text", at()),
                            _ => {}
                        }
                        if let (Some(cell), Some(words)) = (&cell, words) {
                            let ok = words.iter().any(|w| match w {
                                Value::String(w) => w == cell,
                                other => cell.parse::<u64>().ok() == other.as_u64(),
                            });
                            assert!(ok, "{}: `{cell}` not in the enum", at());
                        }
                        if let (Some(cell), Some(max)) = (&cell, constraints["maxLength"].as_u64())
                        {
                            assert!(cell.chars().count() as u64 <= max, "{}", at());
                        }
                        if let (Some(cell), Some(max)) = (&cell, constraints["maximum"].as_u64()) {
                            assert!(cell.parse::<u64>().unwrap() <= max, "{}", at());
                        }
                    }
                }
                // Derived columns, as Parquet describes them: a value on every row, in the
                // vocabulary when there is one.
                let mut parquet = DataPackage::new(registry.as_of(), PackageFormat::Parquet);
                parquet.add(&format!("{}.parquet", table.name()), b"");
                let parquet: Value = serde_json::from_str(&parquet.to_json()).unwrap();
                let described = resource_named(&parquet, table.name().as_str());
                for column in table.columns().iter().filter(|c| c.is_derived()) {
                    let described = field(described, column.name());
                    assert_eq!(
                        described["type"],
                        type_name(column.kind()),
                        "{}",
                        column.name()
                    );
                    let about = described["description"].as_str().unwrap_or_default();
                    assert!(about.starts_with("Derived: "), "{}", column.name());
                    let words = described["constraints"]["enum"].as_array();
                    for row in 0..table.rows() {
                        let cell = column.values().cell(row).expect("a derived value");
                        if let Some(words) = words {
                            assert!(words.contains(&Value::from(cell.as_str())), "{cell}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn keys_name_columns_that_exist_and_references_name_primary_keys() {
        let (package, _) = csv_package(&Registry::sample());
        for &table in TableName::ALL {
            let resource = resource_named(&package, table.as_str());
            let schema = &resource["schema"];
            let has = |c: &Value| {
                schema["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["name"] == *c)
            };
            let key = schema.get("primaryKey").and_then(Value::as_array);
            assert_eq!(key.map_or(0, Vec::len), primary_key(table).len(), "{table}");
            for column in key.into_iter().flatten() {
                assert!(has(column), "{table}: {column}");
                assert_eq!(
                    field(resource, column.as_str().unwrap())["constraints"]["required"],
                    true
                );
            }
            for fk in schema
                .get("foreignKeys")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                assert!(fk["fields"].as_array().unwrap().iter().all(has), "{table}");
                let to = resource_named(&package, fk["reference"]["resource"].as_str().unwrap());
                assert_eq!(
                    to["schema"]["primaryKey"], fk["reference"]["fields"],
                    "{table}"
                );
            }
            let count = schema
                .get("foreignKeys")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            let want = usize::from(table.is_child())
                + REFERENCES
                    .iter()
                    .filter(|(from, _, _)| *from == table)
                    .count();
            assert_eq!(count, want, "{table}");
        }
        let fks = &resource_named(&package, "certifications")["schema"]["foreignKeys"];
        assert_eq!(fks[0]["fields"], texts(&["company_id"]));
        assert_eq!(fks[0]["reference"]["resource"], "companies");
        assert_eq!(fks[0]["reference"]["fields"], texts(&["id"]));
        let fks = &resource_named(&package, "participants")["schema"]["foreignKeys"];
        assert_eq!(fks[0]["reference"]["resource"], "initiatives");
        assert_eq!(fks[1]["fields"], texts(&["company"]));
    }

    #[test]
    fn every_code_is_restated_or_left_to_validate() {
        for code in Code::ALL {
            let listed =
                |list: &[(&str, &[Code])]| list.iter().any(|(_, codes)| codes.contains(code));
            assert!(listed(RESTATED) || listed(VALIDATE_ONLY), "{code:?}");
        }
        let (package, _) = csv_package(&Registry::sample());
        let description = package["description"].as_str().unwrap();
        for code in Code::ALL {
            assert!(
                description.contains(&format!("`{}`", code.as_str())),
                "{code:?}"
            );
        }
    }

    #[test]
    fn the_package_names_itself_and_its_version_without_a_clock() {
        let sample = Registry::sample();
        let (package, _) = csv_package(&sample);
        assert_eq!(package["$schema"], PACKAGE_SCHEMA);
        assert_eq!(package["profile"], "tabular-data-package");
        assert_eq!(package["name"], "pkit-registry");
        assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(package["created"], format!("{}T00:00:00Z", sample.as_of()));
        // Same registry, same bytes; another registry, other hashes.
        assert_eq!(sample.to_csv_files(), sample.to_csv_files());
        let other = crate::generate::synthetic(3, 1).to_csv_files();
        assert_ne!(other.last(), sample.to_csv_files().last());
        // Keys in a fixed order.
        let files = sample.to_csv_files();
        let text = &files.last().unwrap().1;
        let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
        assert!(at("$schema") < at("profile") && at("profile") < at("name"));
        assert!(at("created") < at("resources"));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn files_of_no_table_are_described_without_a_schema() {
        let mut package = DataPackage::new(Registry::sample().as_of(), PackageFormat::Csv);
        package.add("Notes File.txt", b"x");
        let package: Value = serde_json::from_str(&package.to_json()).unwrap();
        let notes = resource_named(&package, "notes-file");
        assert!(notes.get("schema").is_none() && notes.get("type").is_none());
        assert_eq!(notes["bytes"], 1);
    }
}
