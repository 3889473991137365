package com.wabarecon.statement;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;

/**
 * One colour per pricing category in every chart of every statement, whichever categories the
 * client had: a colour given by a series' place would move from one statement to the next. The
 * colours are Okabe and Ito's, which stay apart for the common forms of colour blindness; paid
 * and free messages are a dark and a light blue, as are outbound and inbound calls. Series are named in the client's language: the
 * report's {@value #SERIES_CATEGORIES} parameter says which category (or {@code PAID},
 * {@code FREE}) each name stands for. A series no colour is set for keeps the template's.
 */
public class CategoryColours extends JRAbstractChartCustomizer {

	/** The report parameter mapping a series' name to its category: {@code "Werbung (EUR)" → MARKETING}. */
	static final String SERIES_CATEGORIES = "SERIES_CATEGORIES";

	static final Map<String, Color> COLOURS = Map.ofEntries(Map.entry("MARKETING", new Color(0x0072B2)),
			Map.entry("MARKETING_LITE", new Color(0x56B4E9)), Map.entry("UTILITY", new Color(0xE69F00)),
			Map.entry("AUTHENTICATION", new Color(0x009E73)), Map.entry("AUTHENTICATION_INTERNATIONAL", new Color(0xCC79A7)),
			Map.entry("SERVICE", new Color(0xD55E00)), Map.entry("REFERRAL_CONVERSION", new Color(0x7F7F7F)),
			Map.entry("PAID", new Color(0x0072B2)), Map.entry("FREE", new Color(0x56B4E9)),
			Map.entry(CallSection.OUTBOUND, new Color(0x0072B2)), Map.entry(CallSection.INBOUND, new Color(0x56B4E9)),
			Map.entry(CallSection.TALK_TIME, new Color(0x009E73)));

	@Override
	public void customize(JFreeChart chart, JRChart jasperChart) {
		Object named = getParameterValue(SERIES_CATEGORIES);
		paint(chart, named instanceof Map<?, ?> map ? map : Map.of());
	}

	/**
	 * Gives each series its category's colour ({@code categories} maps a series' name to its
	 * category); a chart of counts gets whole-number ticks (a tick at 2.5 messages would read "2").
	 */
	static void paint(JFreeChart chart, Map<?, ?> categories) {
		if (chart.getPlot() instanceof CategoryPlot plot && plot.getDataset() != null) {
			CategoryDataset series = plot.getDataset();
			if (counts(series) && plot.getRangeAxis() instanceof NumberAxis axis) {
				axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
			}
			for (int row = 0; row < series.getRowCount(); row++) {
				String name = String.valueOf(series.getRowKey(row));
				Object category = categories.get(name);
				Color colour = colour(category != null ? category.toString() : name);
				if (colour != null) {
					plot.getRenderer().setSeriesPaint(row, colour);
				}
			}
		}
	}

	private static boolean counts(CategoryDataset dataset) {
		for (int row = 0; row < dataset.getRowCount(); row++) {
			for (int column = 0; column < dataset.getColumnCount(); column++) {
				Number value = dataset.getValue(row, column);
				if (value != null && !(value instanceof Long || value instanceof Integer)) {
					return false;
				}
			}
		}
		return true;
	}

	/** The colour of a category, by its code or named as English words ("Authentication international"), or none. */
	static Color colour(String seriesName) {
		return COLOURS.get(seriesName.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
	}

}
