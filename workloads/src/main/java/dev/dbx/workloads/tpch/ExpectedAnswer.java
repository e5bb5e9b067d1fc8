package dev.dbx.workloads.tpch;

import java.util.List;

/** A published TPC-H answer: its column names and rows as the text the answer file holds (null for an empty field). */
public record ExpectedAnswer(String query, List<String> columns, List<List<String>> rows) {}
