//! Parquet export of events (cargo feature `parquet`), written in row groups
//! of a few thousand events so memory stays bounded.

use anyhow::Result;
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use marsad_archive::EventRow;
use parquet::arrow::ArrowWriter;
use std::sync::Arc;

const STRING_COLUMNS: &[&str] = &[
    "article_id", "article_date", "url", "type", "mode", "trigger", "source", "source_actor", "target", "target_actor", "date", "location",
    "location_actor",
];
const COUNT_COLUMNS: &[&str] = &["killed", "injured", "arrested", "displaced"];
const ROWS_PER_GROUP: usize = 8192;

pub struct EventParquet<W: std::io::Write + Send> {
    schema: Arc<Schema>,
    writer: ArrowWriter<W>,
    rows: Vec<EventRow>,
}

impl<W: std::io::Write + Send> EventParquet<W> {
    pub fn new(out: W) -> Result<Self> {
        let mut fields = vec![Field::new("event", DataType::Int64, false), Field::new("article", DataType::Int64, false)];
        fields.extend(STRING_COLUMNS.iter().map(|n| Field::new(*n, DataType::Utf8, true)));
        fields.push(Field::new("negated", DataType::Boolean, false));
        fields.push(Field::new("hypothetical", DataType::Boolean, false));
        fields.extend(COUNT_COLUMNS.iter().map(|n| Field::new(*n, DataType::Float64, true)));
        let schema = Arc::new(Schema::new(fields));
        let writer = ArrowWriter::try_new(out, schema.clone(), None)?;
        Ok(EventParquet { schema, writer, rows: Vec::with_capacity(ROWS_PER_GROUP) })
    }

    pub fn push(&mut self, row: EventRow) -> Result<()> {
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
        let strings = |f: &dyn Fn(&EventRow) -> Option<String>| -> ArrayRef { Arc::new(StringArray::from(rows.iter().map(f).collect::<Vec<_>>())) };
        let mut cols: Vec<ArrayRef> = vec![
            Arc::new(Int64Array::from(rows.iter().map(|r| r.event).collect::<Vec<_>>())),
            Arc::new(Int64Array::from(rows.iter().map(|r| r.article).collect::<Vec<_>>())),
            strings(&|r| r.article_id.clone()),
            strings(&|r| r.article_date.clone()),
            strings(&|r| r.url.clone()),
            strings(&|r| Some(r.event_type.clone())),
            strings(&|r| r.mode.clone()),
            strings(&|r| Some(r.trigger.clone())),
            strings(&|r| r.source.clone()),
            strings(&|r| r.source_actor.clone()),
            strings(&|r| r.target.clone()),
            strings(&|r| r.target_actor.clone()),
            strings(&|r| r.date.clone()),
            strings(&|r| r.location.clone()),
            strings(&|r| r.location_actor.clone()),
            Arc::new(BooleanArray::from(rows.iter().map(|r| r.negated).collect::<Vec<_>>())),
            Arc::new(BooleanArray::from(rows.iter().map(|r| r.hypothetical).collect::<Vec<_>>())),
        ];
        for get in [|r: &EventRow| r.killed, |r: &EventRow| r.injured, |r: &EventRow| r.arrested, |r: &EventRow| r.displaced] {
            cols.push(Arc::new(Float64Array::from(rows.iter().map(get).collect::<Vec<_>>())));
        }
        let batch = RecordBatch::try_new(self.schema.clone(), cols)?;
        self.writer.write(&batch)?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer.close()?;
        Ok(())
    }
}
