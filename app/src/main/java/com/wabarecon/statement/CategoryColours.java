package com.wabarecon.statement;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;

/**
 * One colour per pricing category in every chart of every statement, whichever categories the
 * client had: a colour given by a series' place would move from one statement to the next. The
 * colours are Okabe and Ito's, which stay apart for the common forms of colour blindness; paid
 * and free messages are a dark and a light blue. A series no colour is set for keeps the
 * template's.
 */
public class CategoryColours implements JRChartCustomizer {

	static final Map<String, Color> COLOURS = Map.of("MARKETING", new Color(0x0072B2), "MARKETING_LITE",
			new Color(0x56B4E9), "UTILITY", new Color(0xE69F00), "AUTHENTICATION", new Color(0x009E73),
			"AUTHENTICATION_INTERNATIONAL", new Color(0xCC79A7), "SERVICE", new Color(0xD55E00), "REFERRAL_CONVERSION",
			new Color(0x7F7F7F), "PAID", new Color(0x0072B2), "FREE", new Color(0x56B4E9));

	@Override
	public void customize(JFreeChart chart, JRChart jasperChart) {
		if (chart.getPlot() instanceof CategoryPlot plot && plot.getDataset() != null) {
			CategoryDataset series = plot.getDataset();
			for (int row = 0; row < series.getRowCount(); row++) {
				Color colour = colour(String.valueOf(series.getRowKey(row)));
				if (colour != null) {
					plot.getRenderer().setSeriesPaint(row, colour);
				}
			}
		}
	}

	/** The colour of a series named as the statements name categories ("Authentication international"), or none. */
	static Color colour(String seriesName) {
		return COLOURS.get(seriesName.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
	}

}
