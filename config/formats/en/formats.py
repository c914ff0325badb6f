# Government of Canada style: "November 28, 2026" rather than Django's "Nov. 28, 2026".
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i a"
SHORT_DATE_FORMAT = "Y-m-d"
MONTH_DAY_FORMAT = "F j"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
