package com.wabarecon.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.wabarecon.bench.Homes.Home;

/**
 * Client names in the style of the client's country (with its letters: umlauts, Greek,
 * accents), and billing addresses on the reserved {@code .example} domain.
 */
final class ClientNames {

	private static final Map<String, List<String>> WORDS = Map.ofEntries(
			Map.entry("DE", List.of("Müller", "Schäfer", "Bäckerei", "Feinkost", "Autohaus", "Rheinblick")),
			Map.entry("GR", List.of("Οινοποιία", "Παπαδόπουλος", "Ακτή", "Ελιά")),
			Map.entry("BR", List.of("Loja", "Açaí", "São Bento", "Mercado", "Exemplo")),
			Map.entry("ES", List.of("Panadería", "Núñez", "Olivar", "Telas")),
			Map.entry("MX", List.of("Tacos", "Peña", "Farmacia", "Jalisco")),
			Map.entry("FR", List.of("Boulangerie", "Côte", "Léon", "Maison")),
			Map.entry("IT", List.of("Trattoria", "Bianchi", "Gelateria", "Ferri")));

	private static final List<String> COMMON = List.of("Acme", "Bharat", "Nusantara", "Global", "Sunrise", "Metro",
			"Harbour", "Green Leaf", "Blue Sky", "Prime", "Orbit", "Northwind");

	private static final Map<String, String> LEGAL_FORMS = Map.ofEntries(Map.entry("DE", "GmbH"),
			Map.entry("GR", "Α.Ε."), Map.entry("BR", "Ltda"), Map.entry("ES", "S.L."), Map.entry("MX", "S.A. de C.V."),
			Map.entry("FR", "SARL"), Map.entry("IT", "S.r.l."), Map.entry("IN", "Pvt Ltd"), Map.entry("ID", "PT"),
			Map.entry("GB", "Ltd"), Map.entry("NL", "B.V."), Map.entry("AU", "Pty Ltd"));

	private static final String DEFAULT_FORM = "Inc";

	private static final double SECOND_ADDRESS = 0.3;

	private ClientNames() {
	}

	static String name(SplittableRandom random, Home home) {
		List<String> words = WORDS.getOrDefault(home.country(), COMMON);
		return words.get(random.nextInt(words.size())) + " " + COMMON.get(random.nextInt(COMMON.size())) + " "
				+ LEGAL_FORMS.getOrDefault(home.country(), DEFAULT_FORM);
	}

	static List<String> emails(SplittableRandom random, String clientId) {
		String domain = clientId.replace('_', '-') + ".example";
		return Distributions.chance(random, SECOND_ADDRESS) ? List.of("billing@" + domain, "finance@" + domain)
				: List.of("billing@" + domain);
	}

}
