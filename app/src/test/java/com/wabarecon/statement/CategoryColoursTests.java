package com.wabarecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Map;

import com.wabarecon.rules.Pricing;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * A category keeps its colour whatever other categories a statement's chart holds, and every
 * category has a colour of its own.
 */
class CategoryColoursTests {

	@Test
	void aCategoryHasItsColourWhateverItsPlaceInTheChart() {
		JFreeChart onlyMarketing = chart("Marketing");
		JFreeChart three = chart("Έλεγχος ταυτότητας", "Μάρκετινγκ", "Βοηθητικά");

		CategoryColours.paint(onlyMarketing, Map.of());
		// a Greek statement names its series in Greek: the report says which category each is
		CategoryColours.paint(three, Map.of("Έλεγχος ταυτότητας", "AUTHENTICATION", "Μάρκετινγκ", "MARKETING",
				"Βοηθητικά", "UTILITY"));

		Color blue = new Color(0x0072B2);
		assertThat(paint(onlyMarketing, 0)).isEqualTo(blue);
		assertThat(paint(three, 0)).isEqualTo(new Color(0x009E73));
		assertThat(paint(three, 1)).isEqualTo(blue);
		assertThat(paint(three, 2)).isEqualTo(new Color(0xE69F00));
	}

	@Test
	void everyCategoryHasAColourOfItsOwn() {
		assertThat(Pricing.CATEGORIES).allSatisfy(category -> assertThat(CategoryColours
			.colour(StatementFormats.words(category))).as(category).isNotNull());
		assertThat(Pricing.CATEGORIES.stream().map(category -> CategoryColours.colour(StatementFormats.words(category))))
			.doesNotHaveDuplicates();
	}

	private static JFreeChart chart(String... categories) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (String category : categories) {
			data.addValue(10, category, "1");
		}
		return ChartFactory.createStackedBarChart(null, null, null, data);
	}

	private static Object paint(JFreeChart chart, int series) {
		return ((CategoryPlot) chart.getPlot()).getRenderer().getSeriesPaint(series);
	}

}
