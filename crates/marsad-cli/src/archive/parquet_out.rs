//! Parquet export of events (cargo feature `parquet`): the columns of the CSV
//! export ([`EventRecord`]), written in row groups of a few thousand events
//! so memory stays bounded.

use anyhow::Result;
use arrow_array::{ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt64Array};
use arrow_schema::{DataType, Field, Schema};
use marsad_printer::events::{EventRecord, CSV_HEADER};
use parquet::arrow::ArrowWriter;
use std::sync::Arc;

const ROWS_PER_GROUP: usize = 8192;

/// One column: its name and how to build it from a group of rows.
enum Column {
    Text(fn(&EventRecord) -> Option<String>),
    Flag(fn(&EventRecord) -> bool),
    Count(fn(&EventRecord) -> Option<f64>),
    Offset(fn(&EventRecord) -> Option<usize>),
}

fn columns() -> Vec<(&'static str, Column)> {
    use Column::*;
    vec![
        ("doc_id", Text(|r| Some(r.doc_id.clone()))),
        ("event_id", Text(|r| Some(r.event_id.clone()))),
        ("date", Text(|r| Some(r.date.clone()))),
        ("type", Text(|r| Some(r.event_type.clone()))),
        ("mode", Text(|r| r.mode.clone())),
        ("negated", Flag(|r| r.negated)),
        ("hypothetical", Flag(|r| r.hypothetical)),
        ("source_text", Text(|r| r.source_text.clone())),
        ("source_actor", Text(|r| r.source_actor.clone())),
        ("source_country", Text(|r| r.source_country.clone())),
        ("source_sector", Text(|r| r.source_sector.clone())),
        ("target_text", Text(|r| r.target_text.clone())),
        ("target_actor", Text(|r| r.target_actor.clone())),
        ("target_country", Text(|r| r.target_country.clone())),
        ("target_sector", Text(|r| r.target_sector.clone())),
        ("location_text", Text(|r| r.location_text.clone())),
        ("location_country", Text(|r| r.location_country.clone())),
        ("killed", Count(|r| r.killed)),
        ("injured", Count(|r| r.injured)),
        ("arrested", Count(|r| r.arrested)),
        ("displaced", Count(|r| r.displaced)),
        ("approx", Flag(|r| r.approx)),
        ("trigger_text", Text(|r| Some(r.trigger_text.clone()))),
        ("trigger_start", Offset(|r| Some(r.trigger_start))),
        ("trigger_end", Offset(|r| Some(r.trigger_end))),
        ("sentence_start", Offset(|r| r.sentence_start)),
        ("sentence_end", Offset(|r| r.sentence_end)),
    ]
}

pub struct EventParquet<W: std::io::Write + Send> {
    schema: Arc<Schema>,
    columns: Vec<(&'static str, Column)>,
    writer: ArrowWriter<W>,
    rows: Vec<EventRecord>,
}

impl<W: std::io::Write + Send> EventParquet<W> {
    pub fn new(out: W) -> Result<Self> {
        let columns = columns();
        debug_assert_eq!(columns.iter().map(|c| c.0).collect::<Vec<_>>().join(","), CSV_HEADER);
        let fields: Vec<Field> = columns
            .iter()
            .map(|(name, c)| match c {
                Column::Text(_) => Field::new(*name, DataType::Utf8, true),
                Column::Flag(_) => Field::new(*name, DataType::Boolean, false),
                Column::Count(_) => Field::new(*name, DataType::Float64, true),
                Column::Offset(_) => Field::new(*name, DataType::UInt64, true),
            })
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let writer = ArrowWriter::try_new(out, schema.clone(), None)?;
        Ok(EventParquet { schema, columns, writer, rows: Vec::with_capacity(ROWS_PER_GROUP) })
    }

    pub fn push(&mut self, row: EventRecord) -> Result<()> {
        self.rows.push(row);
        if self.rows.len() >= ROWS_PER_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter()
            .map(|(_, c)| -> ArrayRef {
                match c {
                    Column::Text(f) => Arc::new(StringArray::from(rows.iter().map(f).collect::<Vec<_>>())),
                    Column::Flag(f) => Arc::new(BooleanArray::from(rows.iter().map(f).collect::<Vec<_>>())),
                    Column::Count(f) => Arc::new(Float64Array::from(rows.iter().map(f).collect::<Vec<_>>())),
                    Column::Offset(f) => Arc::new(UInt64Array::from(rows.iter().map(|r| f(r).map(|v| v as u64)).collect::<Vec<_>>())),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.writer.write(&batch)?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer.close()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parquet_columns_are_the_csv_columns() {
        let names: Vec<&str> = super::columns().iter().map(|c| c.0).collect();
        assert_eq!(names.join(","), super::CSV_HEADER);
    }
}
