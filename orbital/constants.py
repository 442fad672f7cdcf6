"""Physical constants, each with its unit in its name and its source."""

import math

# WGS84 (NIMA TR8350.2): equatorial radius and flattening.
EARTH_RADIUS_KM = 6378.137
EARTH_FLATTENING = 1.0 / 298.257223563
# Mean Earth radius (IUGG R1 = 6371.0088 km, Moritz 2000), to the kilometre: the sphere behind which a
# drawn satellite is hidden.
EARTH_MEAN_RADIUS_KM = 6371.0
# EGM96 / WGS84 gravitational parameter and J2 (Vallado, Fundamentals of Astrodynamics, 4th ed., App. D).
MU_EARTH_KM3_S2 = 398600.4418
J2 = 1.08262668e-3
# J4 as in SGP4's WGS84 constant set (Vallado et al. 2006, AIAA 2006-6753).
J4 = -1.61098761e-6
# Sun radius used by Vallado's shadow algorithm (Fundamentals of Astrodynamics, §5.3).
SUN_RADIUS_KM = 696000.0
# IAU 2012 astronomical unit.
AU_KM = 149597870.700
# Tropical year (Vallado): the mean Sun's right ascension advances 360° in this time,
# so a sun-synchronous node must precess at the same rate.
TROPICAL_YEAR_DAYS = 365.2421897
# Time: the day, and the Julian year (365.25 days) in seconds and hours. One spelling each, used everywhere.
DAY_S = 86400.0
JULIAN_YEAR_S = 365.25 * DAY_S
HOURS_PER_YEAR = JULIAN_YEAR_S / 3600.0
SUN_SYNCHRONOUS_NODE_RATE_RAD_S = 2.0 * math.pi / (TROPICAL_YEAR_DAYS * DAY_S)
# Total solar irradiance at 1 AU, Kopp & Lean 2011 (GRL 38, L01706): 1360.8 ± 0.5 W/m².
SOLAR_IRRADIANCE_1AU_W_M2 = 1360.8
