"""Progress reports (/baocao): completion statistics, a text table, a chart and the Excel lists
of 000 (Phụ lục 4, Phụ lục 5). Plain Python: no Telegram types, no SQL.

``render`` imports matplotlib and openpyxl only when a chart or a workbook is made, so the bot
starts without paying for them.
"""
