#!/usr/bin/python3
"""Writes sample-invoices/: a complete, deterministic sample inbox (the layout of docs/formats.md's "Inputs").

Four months: 2025-09 (per-message pricing), 2025-07 and 2025-08 (quiet months before it, the forecast's
history) and 2025-06 (conversation-based pricing), for the
clients and channels of sample-invoices/directory. Every figure is derived here, so the
discrepancies the invoice shows against the estimates are deliberate; the table SCENARIO
below (and sample-invoices/README.md) says which reconciliation status each line is built
to produce. Regenerate with:  /usr/bin/python3 app/src/test/sample-inbox/make_sample_inbox.py
(Debian's python3 with python3-openpyxl for the XLSX invoice).
"""
import csv
import gzip
import io
import json
import random
from datetime import datetime, timedelta, timezone, date
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[4] / "sample-invoices"
rnd = random.Random(20250930)
D = Decimal
CENT = D("0.01")


def money(x):
    return D(x).quantize(CENT, rounding=ROUND_HALF_UP)


def epoch(dt):
    return int(dt.timestamp())


# --- directory (kept in sync with sample-invoices/directory/channels.csv) ---------------------
CHANNELS = {
    # channel: (client, waba, phone_number_id, display, zone, waba currency)
    "ch_001": ("c_001", "102290129340398", "106540352242922", "4930123456", "Europe/Berlin", "EUR"),
    "ch_002": ("c_001", "102290129340398", "106540352242923", "4940987654", "Europe/Berlin", "EUR"),
    "ch_003": ("c_001", "102290129340399", "106540352242924", "4989555000", "Europe/Berlin", "EUR"),
    "ch_004": ("c_002", "203311456789012", "207651234567801", "919812345678", "Asia/Kolkata", "INR"),
    "ch_005": ("c_002", "203311456789012", "207651234567802", "919823456789", "Asia/Kolkata", "INR"),
    "ch_006": ("c_002", "203311456789012", "207651234567803", "918012345678", "Asia/Kolkata", "INR"),
    "ch_007": ("c_003", "304455667788990", "308812345670001", "5511987654321", "America/Sao_Paulo", "BRL"),
    "ch_008": ("c_003", "304455667788990", "308812345670002", "5521998765432", "America/Sao_Paulo", "BRL"),
    "ch_009": ("c_004", "405566778899001", "409912345600001", "12125550100", "America/New_York", "USD"),
    "ch_010": ("c_004", "405566778899001", "409912345600002", "12125550123", "America/New_York", "USD"),
    "ch_011": ("c_005", "506677889900112", "501012345678901", "302101234567", "Europe/Athens", "USD"),
    "ch_012": ("c_006", "607788990011223", "601112345678901", "35722123456", "Asia/Nicosia", "EUR"),
}

# --- rate cards ------------------------------------------------------------------------------
MARKETS = [("DE", "Germany"), ("AT", "Rest of Western Europe"), ("GR", "Rest of Western Europe"),
           ("CY", "Rest of Western Europe"), ("IN", "India"), ("BR", "Brazil"), ("US", "North America"),
           ("CA", "North America")]

# PMP card in force from 2025-07-01: (currency, market, category) -> [(lower, upper, rate)]
PMP_2025_07 = {
    ("EUR", "Germany", "MARKETING"): [(0, None, "0.1365")],
    ("EUR", "Germany", "MARKETING_LITE"): [(0, None, "0.1365")],
    ("EUR", "Germany", "UTILITY"): [(0, 250000, "0.0550"), (250001, None, "0.0523")],
    ("EUR", "Germany", "AUTHENTICATION"): [(0, 250000, "0.0550"), (250001, None, "0.0523")],
    ("EUR", "Rest of Western Europe", "MARKETING"): [(0, None, "0.0545")],
    ("EUR", "Rest of Western Europe", "UTILITY"): [(0, 250000, "0.0293"), (250001, None, "0.0278")],
    ("EUR", "Rest of Western Europe", "AUTHENTICATION"): [(0, 250000, "0.0293"), (250001, None, "0.0278")],
    ("USD", "North America", "MARKETING"): [(0, None, "0.0250")],
    ("USD", "North America", "UTILITY"): [(0, 1000000, "0.0040"), (1000001, None, "0.0038")],
    ("USD", "North America", "AUTHENTICATION"): [(0, 1000000, "0.0040"), (1000001, None, "0.0038")],
    ("USD", "Rest of Western Europe", "MARKETING"): [(0, None, "0.0592")],
    ("USD", "Rest of Western Europe", "UTILITY"): [(0, 250000, "0.0318"), (250001, None, "0.0302")],
    ("USD", "Rest of Western Europe", "AUTHENTICATION"): [(0, 250000, "0.0318"), (250001, None, "0.0302")],
    ("INR", "India", "MARKETING"): [(0, None, "0.8631")],
    ("INR", "India", "UTILITY"): [(0, 100000, "0.1150"), (100001, 500000, "0.1093"), (500001, None, "0.1035")],
    ("INR", "India", "AUTHENTICATION"): [(0, 100000, "0.1150"), (100001, 500000, "0.1093"), (500001, None, "0.1035")],
    ("INR", "India", "AUTHENTICATION_INTERNATIONAL"): [(0, None, "2.3000")],
    ("INR", "North America", "MARKETING"): [(0, None, "2.1250")],
    ("BRL", "Brazil", "MARKETING"): [(0, None, "0.3438")],
    ("BRL", "Brazil", "UTILITY"): [(0, 500000, "0.0440"), (500001, None, "0.0418")],
    ("BRL", "Brazil", "AUTHENTICATION"): [(0, 500000, "0.0275"), (500001, None, "0.0261")],
    # voice calls: per minute, tiers in minutes
    ("EUR", "Germany", "VOICE"): [(0, 50000, "0.0300"), (50001, None, "0.0270")],
    ("INR", "India", "VOICE"): [(0, 100000, "0.4500"), (100001, None, "0.4100")],
    ("USD", "North America", "VOICE"): [(0, None, "0.0150")],
}
# The October card changes some rates: not in force for September (tests pick the version).
PMP_2025_10 = dict(PMP_2025_07)
PMP_2025_10.update({
    ("EUR", "Germany", "MARKETING"): [(0, None, "0.1410")],
    ("INR", "India", "UTILITY"): [(0, 100000, "0.1100"), (100001, 500000, "0.1045"), (500001, None, "0.0990")],
})
# Conversation-based card for the first half of 2025 (rates per 24-hour conversation).
CBP_2025_04 = {
    ("EUR", "Germany", "MARKETING"): [(0, None, "0.1131")],
    ("EUR", "Germany", "UTILITY"): [(0, None, "0.0456")],
    ("EUR", "Germany", "AUTHENTICATION"): [(0, None, "0.0456")],
    ("EUR", "Germany", "SERVICE"): [(0, None, "0.0000")],
    ("INR", "India", "MARKETING"): [(0, None, "0.7846")],
    ("INR", "India", "UTILITY"): [(0, None, "0.1150")],
    ("INR", "India", "AUTHENTICATION"): [(0, None, "0.1150")],
    ("INR", "India", "SERVICE"): [(0, None, "0.0000")],
}


def tiered(card, currency, market, category, volume):
    """[(tier text, volume in tier, rate)]: each tier's rate applies to the messages inside it."""
    out, counted = [], 0
    for lower, upper, rate in card[(currency, market, category)]:
        size = (volume if upper is None else min(volume, upper)) - counted
        if size > 0:
            out.append((f"{lower}:{'MAX' if upper is None else upper}", size, D(rate)))
            counted += size
    return out


def market_of(country):
    return dict(MARKETS)[country]


# The July card names some markets by ISO country code, in any case, as a rate card may: the same
# markets as their names (India is IN, Brazil is BR), so September closes with the same lines.
WRITTEN_AS = {"2025-07-01": {"India": "IN", "Brazil": "br"}}


def write_rate_cards():
    folder = ROOT / "rate-cards"
    folder.mkdir(parents=True, exist_ok=True)
    for name, card in (("2025-04-01", CBP_2025_04), ("2025-07-01", PMP_2025_07), ("2025-10-01", PMP_2025_10)):
        with open(folder / f"{name}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["effective_from", "currency", "market", "category", "tier_lower", "tier_upper", "rate"])
            spelled = WRITTEN_AS.get(name, {})
            for (currency, market, category), tiers in sorted(card.items()):
                for lower, upper, rate in tiers:
                    w.writerow([name, currency, spelled.get(market, market), category, lower,
                                "" if upper is None else upper, rate])
    with open(folder / "markets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["country", "market"])
        w.writerows(MARKETS)


def write_fx():
    folder = ROOT / "fx"
    folder.mkdir(parents=True, exist_ok=True)
    # No GBP rate in September on purpose: ch_012's GBP estimate cannot be converted.
    (folder / "2025-09.csv").write_text("from_currency,to_currency,rate\nEUR,USD,1.1050\nUSD,EUR,0.9050\n")
    (folder / "2025-06.csv").write_text("from_currency,to_currency,rate\nEUR,USD,1.0800\nUSD,EUR,0.9259\n")


# --- usage: spread a monthly volume over days (or half-hours) --------------------------------
def spread(total, slots):
    weights = [rnd.uniform(0.6, 1.4) for _ in range(slots)]
    s = sum(weights)
    parts = [int(total * w / s) for w in weights]
    for i in range(total - sum(parts)):
        parts[i % slots] += 1
    return parts


SEPT_DAYS = [datetime(2025, 9, 1, tzinfo=timezone.utc) + timedelta(days=i) for i in range(30)]


def usage_row(start, end, country, category, ptype, volume, cost=None, tier=None, keys=None):
    row = {"start": epoch(start), "end": epoch(end), "country": country, "pricing_category": category,
           "pricing_type": ptype}
    if tier:
        row["tier"] = tier
    row["volume"] = volume
    if cost is not None:
        row["cost"] = float(cost) if isinstance(cost, Decimal) else cost
    if keys:
        row = {keys.get(k, k): v for k, v in row.items()}
    return row


def daily_rows(country, category, ptype, total, rate=None, tier=None, days=SEPT_DAYS):
    rows = []
    for day, volume in zip(days, spread(total, len(days))):
        cost = None if rate is None else (rate * volume)
        rows.append(usage_row(day, day + timedelta(days=1), country, category, ptype, volume, cost, tier))
    return rows


def export_doc(channel, currency, granularity, rows, start=datetime(2025, 9, 1, tzinfo=timezone.utc),
               end=datetime(2025, 10, 1, tzinfo=timezone.utc)):
    client, waba, pnid, display, zone, _ = CHANNELS[channel]
    return {"partner_id": "p_360", "client_id": client, "channel_id": channel, "phone_number_id": pnid,
            "granularity": granularity, "currency": currency, "start_date": epoch(start),
            "end_date": epoch(end) - 1, "usage": rows}


def dump_json(path, doc):
    path.parent.mkdir(parents=True, exist_ok=True)
    # Decimal costs are written as JSON numbers with their exact digits.
    text = json.dumps(doc, indent=1, default=lambda o: float(o))
    path.write_text(text + "\n")


# Totals per (channel, category) the invoice is built from: estimate side as exported.
ESTIMATE = {}


def note(channel, category, volume, amount):
    v, a = ESTIMATE.get((channel, category), (0, D(0)))
    ESTIMATE[(channel, category)] = (v + volume, a + amount)


def september_usage():
    usage = ROOT / "2025-09" / "usage"
    eur, usd, inr, brl = "EUR", "USD", "INR", "BRL"
    # ch_001: documented shape, DAILY, with cost.
    rows = daily_rows("DE", "MARKETING", "REGULAR", 1200, D("0.1365"), "0:MAX")
    rows += daily_rows("DE", "UTILITY", "REGULAR", 800, D("0.0550"), "0:250000")
    rows += daily_rows("DE", "UTILITY", "FREE_CUSTOMER_SERVICE", 150, D(0))
    rows += daily_rows("DE", "SERVICE", "FREE_CUSTOMER_SERVICE", 3100, D(0))
    for r in rows:
        r.pop("tier", None) if r["pricing_type"] != "REGULAR" else None
    dump_json(usage / "ch_001-2025-09.json", export_doc("ch_001", eur, "DAILY", rows))
    note("ch_001", "MARKETING", 1200, D("0.1365") * 1200)
    note("ch_001", "UTILITY", 800, D("0.0550") * 800)

    # ch_002: HALF_HOUR, lower-case enums. Marketing 2,400 (the invoice says 2,402: within tolerance).
    rows = []
    for category, total, rate, tier in (("marketing", 2400, D("0.1365"), "0:MAX"),
                                        ("authentication", 300, D("0.0550"), "0:250000")):
        for day, day_volume in zip(SEPT_DAYS, spread(total, 30)):
            slots = [day + timedelta(hours=7, minutes=30 * i) for i in range(20)]  # 09:00-19:00 Berlin
            for slot, volume in zip(slots, spread(day_volume, len(slots))):
                if volume:
                    rows.append(usage_row(slot, slot + timedelta(minutes=30), "DE", category, "regular", volume,
                                          rate * volume, tier))
        note("ch_002", category.upper(), total, rate * total)
    dump_json(usage / "ch_002-2025-09.json", export_doc("ch_002", eur, "half_hour", rows))

    # ch_003: Meta's pricing_analytics envelope, MONTHLY, display number instead of channel id.
    month_start, month_end = datetime(2025, 8, 31, 22, tzinfo=timezone.utc), datetime(2025, 9, 30, 22, tzinfo=timezone.utc)
    points = []
    for country, category, volume, rate, tier in (("DE", "UTILITY", 5000, D("0.0550"), "0:250000"),
                                                  ("AT", "MARKETING", 400, D("0.0545"), "0:MAX")):
        p = usage_row(month_start, month_end, country, category, "REGULAR", volume, rate * volume, tier)
        p["phone_number"] = CHANNELS["ch_003"][3]
        points.append(p)
        note("ch_003", category, volume, rate * volume)
    points.append({"start": epoch(month_start), "end": epoch(month_end), "phone_number": CHANNELS["ch_003"][3],
                   "country": "DE", "pricing_category": "SERVICE", "pricing_type": "FREE_CUSTOMER_SERVICE",
                   "volume": 2210, "cost": 0})
    dump_json(usage / "meta-pricing-analytics-102290129340399.json",
              {"pricing_analytics": {"data": [{"data_points": points}]}, "id": "102290129340399"})

    # ch_004, ch_005: DAILY without cost (partner credit line): priced with the INR card,
    # utility tiers counted on the client's combined volume (115,000 crosses 100,000).
    for channel, mkt, util, auth, auth_int in (("ch_004", 9000, 70000, 12000, 500), ("ch_005", 6000, 45000, 0, 0)):
        rows = daily_rows("IN", "MARKETING", "REGULAR", mkt)
        rows += daily_rows("IN", "UTILITY", "REGULAR", util)
        rows += daily_rows("IN", "UTILITY", "FREE_CUSTOMER_SERVICE", util // 10)
        if auth:
            rows += daily_rows("IN", "AUTHENTICATION", "REGULAR", auth)
        if auth_int:
            rows += [dict(r, pricing_category="authentication-international")
                     for r in daily_rows("IN", "AUTHENTICATION_INTERNATIONAL", "REGULAR", auth_int)]
        dump_json(usage / f"{channel}-2025-09.json", export_doc(channel, inr, "Daily", rows))

    # ch_007: DAILY UTC days; the WABA is in Sao Paulo (UTC-3), so the row starting 1 Sept 00:00 UTC
    # is still 31 August there and belongs to August: the estimate misses the first day.
    rows = daily_rows("BR", "MARKETING", "REGULAR", 3000, D("0.3438"), "0:MAX")
    first_day = rows[0]["volume"]
    dump_json(usage / "ch_007-2025-09.json", export_doc("ch_007", brl, "DAILY", rows))
    note("ch_007", "MARKETING", 3000 - first_day, D("0.3438") * (3000 - first_day))
    global CH007_FIRST_DAY
    CH007_FIRST_DAY = first_day

    # ch_008: DAILY; one row has no volume (rejected); authentication is not invoiced.
    days = SEPT_DAYS[1:]  # from 2 September UTC: all in September in Sao Paulo
    rows = daily_rows("BR", "MARKETING", "REGULAR", 1500, D("0.3438"), "0:MAX", days)
    rows += daily_rows("BR", "AUTHENTICATION", "REGULAR", 350, D("0.0275"), "0:500000", days)
    broken = dict(rows[5])
    broken.pop("volume")
    rows.insert(6, broken)
    dump_json(usage / "ch_008-2025-09.json", export_doc("ch_008", brl, "DAILY", rows))
    note("ch_008", "MARKETING", 1500, D("0.3438") * 1500)
    note("ch_008", "AUTHENTICATION", 350, D("0.0275") * 350)

    # ch_009: DAILY; the export counts 620 marketing messages, the invoice (and the webhooks) 600.
    ny_days = [datetime(2025, 9, 1, 4, tzinfo=timezone.utc) + timedelta(days=i) for i in range(30)]
    rows = daily_rows("US", "MARKETING", "REGULAR", 620, D("0.0250"), "0:MAX", ny_days)
    rows += daily_rows("US", "UTILITY", "REGULAR", 900, D("0.0040"), "0:1000000", ny_days)
    dump_json(usage / "ch_009-2025-09.json", export_doc("ch_009", usd, "DAILY", rows))
    note("ch_009", "MARKETING", 620, D("0.0250") * 620)
    note("ch_009", "UTILITY", 900, D("0.0040") * 900)

    # ch_010: MONTHLY, lower-case granularity; its authentication is invoiced but never estimated.
    start = datetime(2025, 9, 1, 4, tzinfo=timezone.utc)
    rows = [usage_row(start, start + timedelta(days=30), "US", "MARKETING", "REGULAR", 450, D("0.0250") * 450, "0:MAX"),
            usage_row(start, start + timedelta(days=30), "US", "UTILITY", "REGULAR", 1100, D("0.0040") * 1100, "0:1000000")]
    dump_json(usage / "ch_010-2025-09.json", export_doc("ch_010", usd, "monthly", rows))
    note("ch_010", "MARKETING", 450, D("0.0250") * 450)
    note("ch_010", "UTILITY", 1100, D("0.0040") * 1100)

    # ch_011: the WABA is invoiced in USD, the estimate is a EUR balance (converted with fx/2025-09.csv).
    invoice_amount = money(D("0.0592") * 800)              # 47.36 USD
    eur_total = money(invoice_amount / D("1.1050"))        # 42.86 EUR
    rows = daily_rows("GR", "MARKETING", "REGULAR", 800, D("0.0592") / D("1.1050"), "0:MAX")
    for r in rows:
        r["cost"] = float(money(D(str(r["cost"]))))
    rows[-1]["cost"] = float(eur_total - sum(money(D(str(r["cost"]))) for r in rows[:-1]))
    dump_json(usage / "ch_011-2025-09.json", export_doc("ch_011", eur, "DAILY", rows))
    note("ch_011", "MARKETING", 800, eur_total)

    # ch_012: estimate in GBP, WABA invoiced in EUR, and no GBP rate for the month.
    rows = daily_rows("CY", "MARKETING", "REGULAR", 300, D("0.0470"), "0:MAX")
    dump_json(usage / "ch_012-2025-09.json", export_doc("ch_012", "GBP", "DAILY", rows))
    note("ch_012", "MARKETING", 300, D("0.0470") * 300)


# --- webhooks --------------------------------------------------------------------------------
def status_event(channel, wamid, status, ts, recipient, category, pricing=True, ptype="regular", model="PMP",
                 conversation=None, billable=True, extra=None):
    _, waba, pnid, display, _, _ = CHANNELS[channel]
    st = {"id": wamid, "status": status, "timestamp": str(epoch(ts)), "recipient_id": recipient}
    if conversation or model == "CBP":
        st["conversation"] = {"id": conversation or ("conv-" + wamid[-8:]), "origin": {"type": category}}
    if pricing:
        st["pricing"] = {"billable": billable, "pricing_model": model, "type": ptype, "category": category}
    if status == "failed":
        st["errors"] = [{"code": 131026, "title": "Message undeliverable"}]
    if extra:
        st.update(extra)
    return {"object": "whatsapp_business_account", "entry": [{"id": waba, "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": display, "phone_number_id": pnid},
        "statuses": [st]}}]}]}


def non_status_events(channel):
    _, waba, pnid, display, _, _ = CHANNELS[channel]
    incoming = {"object": "whatsapp_business_account", "entry": [{"id": waba, "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": display, "phone_number_id": pnid},
        "contacts": [{"profile": {"name": "Asha"}, "wa_id": "919900112233"}],
        "messages": [{"from": "919900112233", "id": "wamid.IN" + "1" * 20, "timestamp": "1757000000",
                      "type": "text", "text": {"body": "Is my order on the way?"}}]}}]}]}
    template = {"object": "whatsapp_business_account", "entry": [{"id": waba, "time": 1757100000, "changes": [{
        "field": "message_template_status_update", "value": {"event": "APPROVED", "message_template_id": 1234567,
                                                             "message_template_name": "order_update",
                                                             "message_template_language": "en_US"}}]}]}
    return [incoming, template]


class Wamids:
    def __init__(self, prefix):
        self.prefix, self.n = prefix, 0

    def next(self):
        self.n += 1
        return f"wamid.HBgM{self.prefix}{self.n:08d}"


def message_lifecycle(channel, ids, when, recipient, category, kind="delivered", dup=0, model="PMP"):
    """Status events of one message: sent, then delivered/read (or failed), with duplicates."""
    wamid = ids.next()
    events = [status_event(channel, wamid, "sent", when, recipient, category, model=model)]
    later = when + timedelta(seconds=rnd.randint(2, 90))
    if kind == "delivered":
        events.append(status_event(channel, wamid, "delivered", later, recipient, category, model=model))
        if rnd.random() < 0.5:
            events.append(status_event(channel, wamid, "read", later + timedelta(minutes=3), recipient, category,
                                       pricing=False, model=model))
    elif kind == "read_only":
        events.append(status_event(channel, wamid, "read", later, recipient, category, model=model))
    elif kind == "failed":
        events.append(status_event(channel, wamid, "failed", later, recipient, category, pricing=False, model=model))
    elif kind == "sent_only":
        pass
    for _ in range(dup):
        events.append(json.loads(json.dumps(events[-1])))  # Meta retries the same payload
    return events


def write_ndjson(path, events, gz=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(e, separators=(",", ":")) + "\n" for e in events)
    if gz:
        with gzip.GzipFile(path, "wb", mtime=0) as f:
            f.write(text.encode())
    else:
        path.write_text(text)


WEBHOOK_COUNTS = {}


def september_webhooks():
    hooks = ROOT / "2025-09" / "webhooks"
    ids = Wamids("IN06")
    kolkata = ZoneInfo("Asia/Kolkata")
    events, late = [], []
    counted = {}

    def count(category, n=1):
        counted[category] = counted.get(category, 0) + n

    plan = [("marketing", 40), ("utility", 25), ("authentication", 10)]
    for category, n in plan:
        for i in range(n):
            when = datetime(2025, 9, 1 + (i * 29) // n, 10, 0, tzinfo=kolkata) + timedelta(minutes=7 * i)
            kind = "read_only" if i % 9 == 4 else "delivered"
            events += message_lifecycle("ch_006", ids, when.astimezone(timezone.utc), f"9198{rnd.randint(10**7, 10**8 - 1)}",
                                        category, kind, dup=2 if i % 7 == 0 else 0)
            count(category.upper())
    # five marketing messages to US numbers: country from the calling code (+1)
    for i in range(5):
        when = datetime(2025, 9, 12, 18, 0, tzinfo=kolkata) + timedelta(minutes=i)
        events += message_lifecycle("ch_006", ids, when.astimezone(timezone.utc), f"1415555{i:04d}", "marketing")
        count("MARKETING")
    # never charged: failed and sent-only messages
    for i in range(6):
        when = datetime(2025, 9, 20, 9, 0, tzinfo=kolkata) + timedelta(minutes=i)
        events += message_lifecycle("ch_006", ids, when.astimezone(timezone.utc), f"9197{i:08d}", "marketing",
                                    "failed" if i % 2 else "sent_only")
    # free: utility inside a customer-service window
    for i in range(8):
        wamid = ids.next()
        when = datetime(2025, 9, 21, 9, 0, tzinfo=timezone.utc) + timedelta(minutes=i)
        events.append(status_event("ch_006", wamid, "delivered", when, f"9196{i:08d}", "utility",
                                   ptype="free_customer_service"))
    # month boundary in Asia/Kolkata: 1 Sept 00:30 local (31 Aug 19:00 UTC) is September ...
    events += message_lifecycle("ch_006", ids, datetime(2025, 8, 31, 19, 0, tzinfo=timezone.utc),
                                "919811122233", "utility")
    count("UTILITY")
    # ... and 20:00 UTC on 30 September is 1 October 01:30 local: October, not September.
    events += message_lifecycle("ch_006", ids, datetime(2025, 9, 30, 20, 0, tzinfo=timezone.utc),
                                "919811122234", "utility")
    # late: sent 30 Sept 23:00 local, delivered events stored in October's files (counted for September)
    for i in range(3):
        wamid = ids.next()
        when = datetime(2025, 9, 30, 17, 30 + i, tzinfo=timezone.utc)
        events.append(status_event("ch_006", wamid, "sent", when, f"9195{i:08d}", "marketing"))
        late.append(status_event("ch_006", wamid, "delivered", when + timedelta(minutes=5), f"9195{i:08d}", "marketing"))
        late.append(json.loads(json.dumps(late[-1])))
        count("MARKETING")
    rnd.shuffle(events)
    write_ndjson(hooks / "ch_006-2025-09.ndjson.gz", events, gz=True)
    write_ndjson(ROOT / "2025-10" / "webhooks" / "ch_006-2025-10-01.ndjson", late)
    WEBHOOK_COUNTS["ch_006"] = counted

    # ch_009 cross-check: its webhooks count 600 marketing messages (the export says 620).
    ids = Wamids("US09")
    ny = ZoneInfo("America/New_York")
    events = []
    for i in range(600):
        when = datetime(2025, 9, 1 + (i * 30) // 600, 9, 0, tzinfo=ny) + timedelta(minutes=(i * 37) % 600)
        events += message_lifecycle("ch_009", ids, when.astimezone(timezone.utc), f"1212555{i:04d}", "marketing",
                                    dup=1 if i % 50 == 0 else 0)
    write_ndjson(hooks / "ch_009-2025-09.ndjson.gz", events, gz=True)

    # plain file: payloads that are not status events (skipped and counted), one truncated line
    # (rejected), an unknown status and unknown fields (tolerated).
    misc = non_status_events("ch_006")
    odd = status_event("ch_006", "wamid.HBgMIN06ODD00001", "deleted", datetime(2025, 9, 5, 8, tzinfo=timezone.utc),
                       "919800000001", "marketing", extra={"biz_opaque_callback_data": "x", "new_field": {"a": 1}})
    lines = [json.dumps(e, separators=(",", ":")) for e in misc + [odd]]
    truncated = json.dumps(status_event("ch_006", "wamid.HBgMIN06TRUNC0001", "delivered",
                                        datetime(2025, 9, 6, 8, tzinfo=timezone.utc), "919800000002",
                                        "marketing"), separators=(",", ":"))[:180]
    lines.insert(2, truncated)
    (hooks / "misc-2025-09.ndjson").write_text("\n".join(lines) + "\n")


# --- invoice ---------------------------------------------------------------------------------
HEADER = ["invoice_id", "invoice_date", "period_start", "period_end", "waba_id", "phone_number_id",
          "display_phone_number", "market", "pricing_category", "pricing_type", "tier", "volume", "unit_rate",
          "amount", "currency", "line_type"]


def line(invoice, channel, country, category, tier, volume, rate, ptype="REGULAR", waba_only=False,
         period=("2025-09-01", "2025-09-30"), invoice_date="2025-10-03"):
    client, waba, pnid, display, _, currency = CHANNELS[channel]
    return [invoice, invoice_date, period[0], period[1], waba, "" if waba_only else pnid,
            "" if waba_only else display, country, category, ptype, tier, volume, rate, money(D(rate) * volume),
            currency, "USAGE"]


def other(invoice, waba, amount, currency, line_type, period=("2025-09-01", "2025-09-30"), invoice_date="2025-10-03"):
    return [invoice, invoice_date, period[0], period[1], waba, "", "", "", "", "", "", "", "", D(amount), currency,
            line_type]


def september_invoices():
    eur, usd, inr, brl = "INV-2025-09-EUR-0042", "INV-2025-09-USD-0042", "INV-2025-09-INR-0042", "INV-2025-09-BRL-0042"
    eur_lines = [
        line(eur, "ch_001", "DE", "MARKETING", "0:MAX", 1200, "0.1365"),                     # MATCHED
        line(eur, "ch_001", "DE", "UTILITY", "0:250000", 800, "0.0550"),                     # MATCHED
        line(eur, "ch_002", "DE", "MARKETING", "0:MAX", 2402, "0.1365"),                     # WITHIN_TOLERANCE
        line(eur, "ch_002", "DE", "AUTHENTICATION", "0:250000", 300, "0.0550"),              # MATCHED
        line(eur, "ch_003", "DE", "UTILITY", "0:250000", 5000, "0.0600"),                    # OVER_INVOICED (rate)
        line(eur, "ch_003", "AT", "MARKETING", "0:MAX", 400, "0.0545"),                      # MATCHED
        line(eur, "ch_012", "CY", "MARKETING", "0:MAX", 300, "0.0545"),                      # CURRENCY_MISMATCH
        [eur, "2025-10-03", "2025-09-01", "2025-09-30", "999000111222333", "999000111222444", "4915112345678",
         "DE", "MARKETING", "REGULAR", "0:MAX", 50, "0.1365", money(D("0.1365") * 50), "EUR", "USAGE"],  # UNKNOWN_CHANNEL
        other(eur, "102290129340398", "-2.10", "EUR", "ADJUSTMENT"),
        other(eur, "102290129340398", "34.00", "EUR", "TAX"),
    ]
    # ch_004/ch_005 utility: tiers on the client's 115,000 messages, shared by channel volume.
    usd_lines, inr_lines, brl_lines = [], [], []
    total_util = 70000 + 45000
    tiers = tiered(PMP_2025_07, "INR", "India", "UTILITY", total_util)
    for channel, mkt, util, auth, auth_int in (("ch_004", 9000, 70000, 12000, 500), ("ch_005", 6000, 45000, 0, 0)):
        inr_lines.append(line(inr, channel, "IN", "MARKETING", "0:MAX", mkt, "0.8631"))
        assigned = 0
        for i, (tier, volume, rate) in enumerate(tiers):
            share = util - assigned if i == len(tiers) - 1 else round(volume * util / total_util)
            assigned += share
            inr_lines.append(line(inr, channel, "IN", "UTILITY", tier, share, str(rate)))
        if auth:
            inr_lines.append(line(inr, channel, "IN", "AUTHENTICATION", "0:100000", auth, "0.1150"))
        if auth_int:
            inr_lines.append(line(inr, channel, "IN", "AUTHENTICATION_INTERNATIONAL", "0:MAX", auth_int, "2.3000"))
    wh = WEBHOOK_COUNTS["ch_006"]
    inr_lines.append(line(inr, "ch_006", "IN", "MARKETING", "0:MAX", wh["MARKETING"] - 5, "0.8631"))
    inr_lines.append(line(inr, "ch_006", "US", "MARKETING", "0:MAX", 5, "2.1250"))
    inr_lines.append(line(inr, "ch_006", "IN", "UTILITY", "0:100000", wh["UTILITY"], "0.1150"))
    inr_lines.append(line(inr, "ch_006", "IN", "AUTHENTICATION", "0:100000", wh["AUTHENTICATION"], "0.1150"))

    brl_lines.append(line(brl, "ch_007", "BR", "MARKETING", "0:MAX", 3000, "0.3438"))  # OVER_INVOICED (first day)
    brl_lines.append(line(brl, "ch_008", "BR", "MARKETING", "0:MAX", 1500, "0.3438"))  # MATCHED
    # ch_008 AUTHENTICATION: no line (MISSING_FROM_INVOICE)

    usd_lines.append(line(usd, "ch_009", "US", "MARKETING", "0:MAX", 600, "0.0250"))   # UNDER_INVOICED
    usd_lines.append(line(usd, "ch_009", "US", "UTILITY", "0:1000000", 2000, "0.0040", waba_only=True))  # WABA level
    usd_lines.append(line(usd, "ch_010", "US", "MARKETING", "0:MAX", 450, "0.0250"))   # MATCHED
    usd_lines.append(line(usd, "ch_010", "US", "AUTHENTICATION", "0:1000000", 75, "0.0040"))  # NOT_ESTIMATED
    usd_lines.append(line(usd, "ch_011", "GR", "MARKETING", "0:MAX", 800, "0.0592"))   # MATCHED after FX
    usd_lines.append(other(usd, "405566778899001", "-25.00", "USD", "CREDIT"))

    folder = ROOT / "2025-09" / "invoice"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "meta-invoice-2025-09-EUR.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(eur_lines)
    write_aliased_xlsx(folder / "meta-invoice-2025-09-USD-INR-BRL.xlsx", usd_lines + inr_lines + brl_lines)


ALIASES = ["Invoice Number", "Invoice Date", "Billing Period Start", "Billing Period End",
           "WhatsApp Business Account ID", "Phone Number ID", "Phone Number", "Country", "Pricing Category",
           "Pricing Type", "Tier", "Quantity", "Rate", "Cost", "Currency", "Line Type"]


def write_aliased_xlsx(path, rows):
    from openpyxl import Workbook
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary.append(["Meta Platforms Ireland Limited - WhatsApp Business Platform"])
    summary.append(["This workbook holds the invoice lines on the sheet 'Invoice lines'."])
    ws = wb.create_sheet("Invoice lines")
    ws.append(["Meta Platforms Ireland Limited"])
    ws.append(["WhatsApp Business Platform - invoice lines, billing period September 2025"])
    ws.append([])
    ws.append(ALIASES)
    for r in rows:
        out = list(r)
        for i in (1, 2, 3):
            out[i] = datetime.strptime(out[i], "%Y-%m-%d")
        out[11] = int(out[11]) if out[11] != "" else None
        out[12] = float(out[12]) if out[12] != "" else None
        out[13] = float(out[13])
        out = [None if v == "" else v for v in out]
        ws.append(out)
        for col in (2, 3, 4):
            ws.cell(row=ws.max_row, column=col).number_format = "yyyy-mm-dd"
    wb.save(path)
    # openpyxl stamps the current time into docProps/core.xml; fix it so regeneration is stable.
    import zipfile, shutil
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2025-10-03T08:00:00Z", data)
            info = zipfile.ZipInfo(item.filename, date_time=(2025, 10, 3, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    shutil.move(tmp, path)


# --- June 2025: conversation-based pricing -------------------------------------------------
JUNE_DAYS = [date(2025, 6, 1) + timedelta(days=i) for i in range(30)]


def june():
    month = ROOT / "2025-06"
    usage = month / "usage"
    june_lines = []
    inv_eur, inv_inr = "INV-2025-06-EUR-0031", "INV-2025-06-INR-0031"
    period = ("2025-06-01", "2025-06-30")

    def balance_rows(plan, currency_rates, inconsistent_day=None):
        rows = []
        per_day = {cat: spread(total, 30) for cat, total in plan.items()}
        for i, day in enumerate(JUNE_DAYS):
            row = {"period_date": day.isoformat()}
            paid_total, qty_total, price_total = 0, 0, D(0)
            for cat in ("authentication", "marketing", "service", "utility"):
                q = per_day.get(cat, [0] * 30)[i]
                paid = 0 if cat == "service" else q
                price = currency_rates.get(cat, D(0)) * paid
                row[f"{cat}_quantity"] = q
                row[f"{cat}_paid_quantity"] = paid
                row[f"{cat}_price"] = float(price)
                paid_total += paid
                qty_total += q
                price_total += price
            bi = row["authentication_quantity"] + row["marketing_quantity"] + row["utility_quantity"]
            row.update({"business_initiated_quantity": bi, "business_initiated_paid_quantity": bi,
                        "business_initiated_price": float(price_total),
                        "user_initiated_quantity": row["service_quantity"], "user_initiated_paid_quantity": 0,
                        "user_initiated_price": 0.0, "free_tier": 0, "free_entry_point": 0,
                        "free_quantity": qty_total - paid_total, "paid_quantity": paid_total,
                        "quantity": qty_total, "total_price": float(price_total)})
            if i == inconsistent_day:
                row["total_price"] = float(price_total + D("1.00"))  # as in Meta's published example
            rows.append(row)
        return rows

    # ch_001: legacy balance named by its file, EUR.
    eur_rates = {"marketing": D("0.1131"), "utility": D("0.0456"), "authentication": D("0.0456")}
    plan = {"marketing": 900, "utility": 400, "service": 1200}
    dump_json(usage / "ch_001.balance.json", {"balance": 1520.55, "currency": "EUR", "granularity": "day",
                                              "usage": balance_rows(plan, eur_rates)})
    june_lines += [line(inv_eur, "ch_001", "DE", "MARKETING", "0:MAX", 900, "0.1131", period=period, invoice_date="2025-07-03"),
                   line(inv_eur, "ch_001", "DE", "UTILITY", "0:MAX", 400, "0.0456", period=period, invoice_date="2025-07-03")]
    # ch_004: legacy balance naming its channel, INR; one day's total_price disagrees with its categories.
    inr_rates = {"marketing": D("0.7846"), "utility": D("0.1150"), "authentication": D("0.1150")}
    plan = {"marketing": 5000, "utility": 20000, "authentication": 3000, "service": 8000}
    dump_json(usage / "bharat-retail-main.balance.json",
              {"channel_id": "ch_004", "balance": 48210.00, "currency": "INR", "granularity": "day",
               "usage": balance_rows(plan, inr_rates, inconsistent_day=14)})
    june_lines += [line(inv_inr, "ch_004", "IN", "MARKETING", "0:MAX", 5000, "0.7846", period=period, invoice_date="2025-07-03"),
                   line(inv_inr, "ch_004", "IN", "UTILITY", "0:MAX", 20000, "0.1150", period=period, invoice_date="2025-07-03"),
                   line(inv_inr, "ch_004", "IN", "AUTHENTICATION", "0:MAX", 3000, "0.1150", period=period, invoice_date="2025-07-03")]
    # ch_002: conversation-based usage export with free-tier and free-entry-point rows.
    days = [datetime(2025, 5, 31, 22, tzinfo=timezone.utc) + timedelta(days=i) for i in range(30)]
    rows = daily_rows("DE", "MARKETING", "REGULAR", 700, D("0.1131"), "0:MAX", days)
    rows += daily_rows("DE", "MARKETING", "FREE_ENTRY_POINT", 60, D(0), None, days)
    rows += daily_rows("DE", "SERVICE", "FREE_TIER", 1000, D(0), None, days)
    rows += daily_rows("DE", "UTILITY", "REGULAR", 250, D("0.0456"), "0:MAX", days)
    dump_json(usage / "ch_002-2025-06.json", export_doc("ch_002", "EUR", "DAILY", rows,
                                                        datetime(2025, 5, 31, 22, tzinfo=timezone.utc),
                                                        datetime(2025, 6, 30, 22, tzinfo=timezone.utc)))
    june_lines += [line(inv_eur, "ch_002", "DE", "MARKETING", "0:MAX", 700, "0.1131", period=period, invoice_date="2025-07-03"),
                   line(inv_eur, "ch_002", "DE", "MARKETING", "", 60, "0", "FREE_ENTRY_POINT", period=period, invoice_date="2025-07-03"),
                   line(inv_eur, "ch_002", "DE", "UTILITY", "0:MAX", 255, "0.0456", period=period, invoice_date="2025-07-03")]
    # ch_006: conversation-based webhooks: each billable conversation counts once.
    ids = Wamids("IN06J")
    events, conversations = [], {"marketing": 0, "utility": 0}
    for category, n in (("marketing", 30), ("utility", 20)):
        for c in range(n):
            conv = f"conv-jun-{category[:3]}-{c:04d}"
            start = datetime(2025, 6, 2 + c % 27, 6, 0, tzinfo=timezone.utc)
            for m in range(1 + c % 3):  # several messages in one conversation
                wamid = ids.next()
                for status, offset in (("sent", 0), ("delivered", 30)):
                    events.append(status_event("ch_006", wamid, status, start + timedelta(minutes=10 * m, seconds=offset),
                                               "9198765" + f"{c:05d}", category, model="CBP", conversation=conv))
            conversations[category] += 1
    for c in range(12):  # service conversations are free
        wamid = ids.next()
        events.append(status_event("ch_006", wamid, "delivered", datetime(2025, 6, 10, 8, c, tzinfo=timezone.utc),
                                   "9198700" + f"{c:05d}", "service", model="CBP", billable=False,
                                   conversation=f"conv-jun-ser-{c:04d}"))
    events.append(json.loads(json.dumps(events[3])))  # a duplicate delivery
    write_ndjson(month / "webhooks" / "ch_006-2025-06.ndjson", events)
    june_lines += [line(inv_inr, "ch_006", "IN", "MARKETING", "0:MAX", conversations["marketing"], "0.7846", period=period, invoice_date="2025-07-03"),
                   line(inv_inr, "ch_006", "IN", "UTILITY", "0:MAX", conversations["utility"], "0.1150", period=period, invoice_date="2025-07-03")]
    june_lines.append(other(inv_eur, "102290129340398", "19.00", "EUR", "TAX", period=period, invoice_date="2025-07-03"))
    folder = month / "invoice"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "meta-invoice-2025-06.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(june_lines)


# --- calls: exports with and without cost, calls webhooks, the invoice's voice lines ----------
def pulses(seconds):
    """6-second pulses of a call: its duration rounded up (a 56 s call is 10)."""
    return -(-seconds // 6)


def minutes(pulse_count):
    return D(pulse_count) / 10


def call_point(start, phone, direction, country, count, average, cost=None):
    point = {"start": epoch(start), "end": epoch(start + timedelta(days=1)), "phone_number": phone,
             "direction": direction, "country": country, "count": count, "average_duration": average}
    if cost is not None:
        point["cost"] = cost
    return point


def call_event(channel, call_id, event, direction, to, start, status=None, duration=None):
    client, waba, pnid, display, _, _ = CHANNELS[channel]
    call = {"id": call_id, "event": event, "direction": direction, "from": display, "to": to,
            "timestamp": epoch(start) + (duration or 0)}
    if status:
        call["status"] = status
    call["start_time"] = epoch(start)
    if duration is not None:
        call["end_time"] = epoch(start) + duration
        call["duration"] = duration
    return {"object": "whatsapp_business_account", "entry": [{"id": waba, "changes": [{"field": "calls", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": display, "phone_number_id": pnid},
        "calls": [call]}}]}]}


def september_calls():
    """Three channels' calls: ch_001's export with cost (Berlin days), ch_004's without cost (the
    rate card prices it), ch_010's calls webhooks only, one terminate event arriving in October's
    folder. Returns the invoice's voice lines: ch_001 within tolerance (aggregates' rounding),
    ch_004 matched, ch_010 over-invoiced by 2.5 minutes."""
    calls = ROOT / "2025-09" / "calls"
    calls.mkdir(parents=True, exist_ok=True)
    berlin, kolkata, ny = ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Kolkata"), ZoneInfo("America/New_York")
    eur_rate, inr_rate, usd_rate = D("0.0300"), D("0.4500"), D("0.0150")

    points, billed = [], 0
    for day in range(1, 31):
        start = datetime(2025, 9, day, tzinfo=berlin)
        count, average = 3 + day % 4, 60 + (day * 7) % 90
        billed += count * pulses(average)
        points.append(call_point(start, "4930123456", "BUSINESS_INITIATED", "DE", count, average,
                                 float(eur_rate * count * pulses(average) / 10)))
        points.append(call_point(start, "4930123456", "USER_INITIATED", "DE", 2 + day % 3, 45 + (day % 5) * 10))
    dump_json(calls / "ch_001-calls-2025-09.json", {"call_analytics": {"granularity": "DAILY", "data_points": points}})
    # Meta bills each call's own rounding: 4 pulses fewer than the averages make
    ch_001 = (minutes(billed - 4), eur_rate)

    points, billed = [], 0
    for day in range(1, 31):
        start = datetime(2025, 9, day, tzinfo=kolkata)
        count, average = 5 + day % 3, 90 + (day % 4) * 15
        billed += count * pulses(average)
        points.append(call_point(start, "919812345678", "BUSINESS_INITIATED", "IN", count, average))
        if day % 2 == 0:
            points.append(call_point(start, "919812345678", "USER_INITIATED", "IN", 1 + day % 4, 120))
    dump_json(calls / "ch_004-calls-2025-09.json", {"call_analytics": {"data": [{"data_points": points}]}})
    ch_004 = (minutes(billed), inr_rate)

    events, billed, late = [], 0, []
    for i in range(40):
        start = datetime(2025, 9, 1 + (i * 29) // 40, 10, 0, tzinfo=ny) + timedelta(minutes=13 * i)
        to = f"+1646555{i:04d}"
        call_id = f"wacid.US10{i:06d}"
        if i % 10 == 7:  # a business call that failed: counted, free
            events.append(call_event("ch_010", call_id, "terminate", "BUSINESS_INITIATED", to, start, "FAILED"))
            continue
        direction = "USER_INITIATED" if i % 5 == 3 else "BUSINESS_INITIATED"
        duration = 20 + (i * 37) % 380
        events.append(call_event("ch_010", call_id, "connect", direction, to, start))  # skipped, counted
        events.append(call_event("ch_010", call_id, "terminate", direction, to, start, "COMPLETED", duration))
        if i % 8 == 0:  # Meta sent the outcome twice: the call counts once
            events.append(call_event("ch_010", call_id, "terminate", direction, to, start, "COMPLETED", duration))
        if direction == "BUSINESS_INITIATED":
            billed += pulses(duration)
    # 23:50 on 30 September in New York (1 October in UTC): September's, its outcome stored in October
    start = datetime(2025, 9, 30, 23, 50, tzinfo=ny)
    late.append(call_event("ch_010", "wacid.US10LATE01", "terminate", "BUSINESS_INITIATED", "+16465559999", start,
                           "COMPLETED", 130))
    billed += pulses(130)
    write_ndjson(ROOT / "2025-09" / "webhooks" / "calls-2025-09.ndjson", events)
    write_ndjson(ROOT / "2025-10" / "webhooks" / "calls-2025-10-01.ndjson", late)
    # the invoice bills 2.5 minutes more than the calls' own pulses
    ch_010 = (minutes(billed + 25), usd_rate)

    eur, usd, inr = "INV-2025-09-EUR-0042", "INV-2025-09-USD-0042", "INV-2025-09-INR-0042"
    voice = []
    for invoice, channel, country, (volume, rate) in ((eur, "ch_001", "DE", ch_001), (inr, "ch_004", "IN", ch_004),
                                                       (usd, "ch_010", "US", ch_010)):
        client, waba, pnid, display, _, currency = CHANNELS[channel]
        voice.append([invoice, "2025-10-03", "2025-09-01", "2025-09-30", waba, pnid, display, country, "VOICE",
                      "REGULAR", "0:MAX" if channel == "ch_010" else f"0:{50000 if channel == 'ch_001' else 100000}",
                      f"{volume:.1f}", rate, money(volume * rate), currency, "USAGE"])
    folder = ROOT / "2025-09" / "invoice"
    with open(folder / "meta-invoice-2025-09-calls.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(voice)


# --- prepaid balances: ch_011 and ch_012 on Direct Payment (channels.csv's payment_mode) ---------
def september_balances():
    """ch_011 (USD, no auto-renewal) ties out and runs low: 20.00 in August, 1.00 a day for 15 days
    and 2.00 a day for 15, a top-up of 30.00: 5.00, 2.5 days of funds. ch_012 (EUR, auto-renewal
    below 20.00 by 50.00) does not tie out: 100.00 - 30 x 3.00 + 50.00 + 5.00 = 65.00, but the
    snapshot says 63.00."""
    directory = ROOT / "directory"
    (directory / "auto-renewal.csv").write_text("channel_id,enabled,threshold,amount,currency\n"
                                               "ch_011,false,,,USD\nch_012,true,20.00,50.00,EUR\n")
    for month, balances in (("2025-08", {"ch_011": "20.00", "ch_012": "100.00"}),
                            ("2025-09", {"ch_011": "5.00", "ch_012": "63.00"})):
        folder = ROOT / month / "balance"
        folder.mkdir(parents=True, exist_ok=True)
        for channel, balance in balances.items():
            currency = CHANNELS[channel][5]
            doc = '{"balance": %s, "currency": "%s"' % (balance, currency)
            if month == "2025-09" and channel == "ch_012":
                doc += ', "last_renewal": {"amount": 50.00, "date": "2025-09-20T08:00:00Z"}'
            (folder / (channel + ".json")).write_text(doc + "}\n")
    rows = ["channel_id,booked_at,type,amount,currency,reference"]
    for day in range(1, 31):
        at = "2025-09-%02dT12:00:00Z" % day
        rows.append("ch_011,%s,USAGE,%s,USD," % (at, "-1.00" if day <= 15 else "-2.00"))
        rows.append("ch_012,%s,USAGE,-3.00,EUR," % at)
    rows += ["ch_011,2025-09-10T09:00:00Z,TOP_UP,30.00,USD,card 4242",
             "ch_012,2025-09-20T08:00:00Z,AUTO_RENEWAL,50.00,EUR,",
             "ch_012,2025-09-25T08:00:00Z,REFUND,5.00,EUR,failed template"]
    (ROOT / "2025-09" / "balance" / "movements.csv").write_text("\n".join(rows) + "\n")


# --- July and August: quiet months before September, the forecast's history -------------------
# (channel, country, category, September's volume): every series of September, at the July card's
# rates, a month's volume its factor times September's with up to 3 % noise. Every line matches:
# the export's cost is the invoice's amount, one tier a line (c_002's utility stays below 100,000).
SUMMER_FACTORS = {"2025-07": D("0.80"), "2025-08": D("0.84")}
SUMMER_SERIES = [
    ("ch_001", "DE", "MARKETING", 1200), ("ch_001", "DE", "UTILITY", 800),
    ("ch_002", "DE", "MARKETING", 2400), ("ch_002", "DE", "AUTHENTICATION", 300),
    ("ch_003", "DE", "UTILITY", 5000), ("ch_003", "AT", "MARKETING", 400),
    ("ch_004", "IN", "MARKETING", 9000), ("ch_004", "IN", "UTILITY", 70000), ("ch_004", "IN", "AUTHENTICATION", 12000),
    ("ch_005", "IN", "MARKETING", 6000), ("ch_005", "IN", "UTILITY", 45000),
    ("ch_006", "IN", "MARKETING", 240), ("ch_006", "IN", "UTILITY", 130), ("ch_006", "IN", "AUTHENTICATION", 60),
    ("ch_007", "BR", "MARKETING", 3000), ("ch_008", "BR", "MARKETING", 1500),
    ("ch_009", "US", "MARKETING", 600), ("ch_009", "US", "UTILITY", 900),
    ("ch_010", "US", "MARKETING", 450), ("ch_010", "US", "UTILITY", 1100),
    ("ch_011", "GR", "MARKETING", 800), ("ch_012", "CY", "MARKETING", 300),
]


def summer_months():
    noise = random.Random(20250831)  # not the shared rnd: September's files stay as they are
    for month, factor in SUMMER_FACTORS.items():
        year, number = map(int, month.split("-"))
        first = date(year, number, 1)
        following = date(year + number // 12, number % 12 + 1, 1)
        period = (first.isoformat(), (following - timedelta(days=1)).isoformat())
        invoice_date = (following + timedelta(days=2)).isoformat()
        rows, lines = {}, []
        for channel, country, category, september in SUMMER_SERIES:
            currency, zone = CHANNELS[channel][5], ZoneInfo(CHANNELS[channel][4])
            # the WABA's days: a month is billed in its time zone
            days = [datetime.combine(first + timedelta(days=i), datetime.min.time(), zone)
                    for i in range((following - first).days)]
            volume = int((september * factor * D(str(noise.uniform(0.97, 1.03)))).quantize(D(1), ROUND_HALF_UP))
            (tier, in_tier, rate), = tiered(PMP_2025_07, currency, market_of(country), category, volume)
            parts = [int(volume * w) for w in [1 / len(days)] * len(days)]
            for i in range(volume - sum(parts)):
                parts[noise.randrange(len(days))] += 1
            rows.setdefault(channel, []).extend(
                usage_row(day, day + timedelta(days=1), country, category, "REGULAR", part, rate * part, tier)
                for day, part in zip(days, parts))
            lines.append(line("INV-%s-%s-0042" % (month, currency), channel, country, category, tier, volume, str(rate),
                              period=period, invoice_date=invoice_date))
        for channel, channel_rows in rows.items():
            dump_json(ROOT / month / "usage" / ("%s-%s.json" % (channel, month)),
                      export_doc(channel, CHANNELS[channel][5], "DAILY", channel_rows,
                                 start=datetime.combine(first, datetime.min.time(), ZoneInfo(CHANNELS[channel][4])),
                                 end=datetime.combine(following, datetime.min.time(), ZoneInfo(CHANNELS[channel][4]))))
        folder = ROOT / month / "invoice"
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ("meta-invoice-%s.csv" % month), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            w.writerows(sorted(lines, key=lambda l: (l[0], l[5], l[8])))


if __name__ == "__main__":
    write_rate_cards()
    write_fx()
    september_usage()
    september_webhooks()
    september_invoices()
    june()
    september_calls()
    september_balances()
    summer_months()
    print("wrote", ROOT)
